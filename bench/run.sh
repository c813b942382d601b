#!/usr/bin/env bash
# The benchmark harness: one command that starts PostgreSQL and Redis on loopback, fills the database
# with a generated country (`Lnemis.Server seed --scale`, binary COPY; rows/s per table), starts the
# server in production configuration (PostgreSQL + Redis, role all), runs the landed modules' list and
# search scenarios at fixed concurrency against a baseline measured in the same run (the same SQL sent
# straight to PostgreSQL), then the mixed load (every scenario's requests shuffled, 100 clients, wrk),
# and prints one table with goal, measured, baseline and ratio, plus the server's peak memory. Then
# the correspondence scenarios (bench/case_scenarios.py: lists, search and reports as the seeded
# responders, managers and approvers, against the same SQL) print a second table in the same format
# and join the mixed load with their requests. Then
# the learner import (issue 3: IMPORT_ROWS rows from CSV through the API, upload, dry run, apply and
# a re-run that must change nothing, against raw COPY of the same file; bench/import_learners.py,
# after a warm-up dry run of other rows) on the same server and database. The micro-benchmarks (bench/micro.sh) run first, before any
# server starts, and their table is part of the summary.
#
# Usage: bench/run.sh [--scale small|district|national] [--quick] [--write]
#   --scale S   the generated country's size (default national: 20,000 institutions, 5,000,000 learners)
#   --quick     small scale, few requests, a 10 s mixed load, 5,000 imported rows, micro-benchmarks run
#               once each: the smoke run ./test.sh makes so the harness does not rot (its numbers mean nothing)
#   --write     put this run's results into docs/performance.md (between the harness markers)
# Environment: REQUESTS, WARMUP, CONCURRENCY (scenarios), MIXED_CLIENTS, MIXED_SECONDS (mixed load),
#              IMPORT_ROWS (learner import; default 1,000,000), MICRO=quick|short|full|off (micro-benchmarks;
#              default short, quick under --quick), KEEP_BENCH_WORK=1 keeps the work folder (database, logs).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../scripts/test-servers/lib.sh
source "$ROOT/scripts/test-servers/lib.sh"

SCALE=national QUICK=0 WRITE=0
while (($#)); do
  case $1 in
    --scale) SCALE=${2:?--scale needs small, district or national}; shift ;;
    --quick) QUICK=1 SCALE=small ;;
    --write) WRITE=1 ;;
    -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
if ((QUICK)); then
  REQUESTS=${REQUESTS:-60} WARMUP=${WARMUP:-10} MIXED_SECONDS=${MIXED_SECONDS:-10} MIXED_CLIENTS=${MIXED_CLIENTS:-20}
  IMPORT_ROWS=${IMPORT_ROWS:-5000} MICRO=${MICRO:-quick}
fi
IMPORT_ROWS=${IMPORT_ROWS:-1000000} MICRO=${MICRO:-short}
REQUESTS=${REQUESTS:-1000} WARMUP=${WARMUP:-100} CONCURRENCY=${CONCURRENCY:-8}
MIXED_CLIENTS=${MIXED_CLIENTS:-100} MIXED_SECONDS=${MIXED_SECONDS:-600}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/lnemis-bench.XXXXXX")
chmod 755 "$WORK"
STARTED=$SECONDS
PG_PORT=$(free_port) REDIS_PORT='' WEB_PORT='' SERVER_PID=''
SERVER_DLL="$ROOT/src/Lnemis.Server/bin/Release/net10.0/Lnemis.Server.dll"
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n $REDIS_PORT ]] && redis_stop "$WORK/redis" "$REDIS_PORT"
  pg_stop "$WORK/pg"
  [[ ${KEEP_BENCH_WORK:-0} == 1 ]] || rm -rf "$WORK"
} >/dev/null 2>&1
trap cleanup EXIT
say() { printf '[%4ds] %s\n' "$((SECONDS - STARTED))" "$*"; }

[[ -f $SERVER_DLL ]] || { say "building the server (Release)"; dotnet build "$ROOT/src/Lnemis.Server" -c Release -p:SkipWebBuild=true -v q >"$WORK/build.log"; }
if ! command -v wrk >/dev/null 2>&1 && [[ $EUID -eq 0 ]]; then
  say "installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >"$WORK/apt.log" 2>&1 || say "wrk could not be installed: no mixed load"
fi
# Before any server starts, so that nothing else competes for the two cores.
if [[ $MICRO != off ]]; then
  say "micro-benchmarks ($MICRO)"
  MICRO_ARGS=(--results "$WORK/micro.md")
  [[ $MICRO == full ]] || MICRO_ARGS+=("--$MICRO")
  [[ -f $ROOT/bench/Lnemis.Benchmarks/bin/Release/net10.0/Lnemis.Benchmarks.dll ]] && MICRO_ARGS+=(--no-build)
  "$ROOT/bench/micro.sh" "${MICRO_ARGS[@]}" || exit 1
fi

PG_EXTRA_OPTS="-c shared_buffers=1GB -c effective_cache_size=8GB -c max_wal_size=8GB -c checkpoint_timeout=30min -c maintenance_work_mem=1GB" \
  pg_start "$WORK/pg" "$PG_PORT"
say "PostgreSQL on 127.0.0.1:$PG_PORT"
if command -v redis-server >/dev/null 2>&1; then
  REDIS_PORT=$(free_port)
  redis_start "$WORK/redis" "$REDIS_PORT"
  export Lnemis__Redis="127.0.0.1:$REDIS_PORT"
  say "Redis on 127.0.0.1:$REDIS_PORT"
else
  say "no redis-server: the server caches in process"
fi

export Lnemis__DataDirectory="$WORK/data"
export Lnemis__Database__Provider=Postgres
export Lnemis__Database__Primary="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=lnemis_bench"
export Lnemis__Database__AutoMigrate=false Lnemis__Database__SeedDemoData=false
# The generated cases have a national backlog of due deadline reminders that a live system would have
# sent over weeks; the first sweep would send them all (7,747 at national scale, for half an hour on one
# core) during the scenarios. Likewise four years of closed cases, never reviewed for retention: the
# first review marks 287,703 of them due (about 100 s on one core). Both paused for the benchmark;
# their steady-state cost is measured on its own.
export Lnemis__Jobs__PausedTasks__0=correspondence-deadline-reminders
export Lnemis__Jobs__PausedTasks__1=correspondence-retention-review
export Lnemis__Api__RateLimitPerClient=100000000 Lnemis__Api__RateLimitPerIp=100000000
mkdir -p "$WORK/data"
dotnet "$SERVER_DLL" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; exit 1; }
say "seeding scale $SCALE"
dotnet "$SERVER_DLL" seed --scale "$SCALE" 2>&1 | grep -v '^{' | tee "$WORK/seed.log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || exit 1
"$(pg_bin_dir)/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d lnemis_bench -c "VACUUM ANALYZE" -c "CHECKPOINT" >/dev/null
dotnet "$SERVER_DLL" users create-admin --email bench@example.gov --password 'Bench-Harness-Password-2026!' >/dev/null
TOKEN=$(dotnet "$SERVER_DLL" tokens create --user bench@example.gov --name bench 2>/dev/null | tail -1)
# The seed's district officer (when the scale has districts), for the scenario of their own list.
OFFICER_TOKEN=$(dotnet "$SERVER_DLL" tokens create --user officer@lnemis.local --name bench 2>/dev/null | tail -1) || OFFICER_TOKEN=''

WEB_PORT=$(free_port)
dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$WEB_PORT" >"$WORK/server.log" 2>&1 </dev/null &
SERVER_PID=$!
wait_for 120 curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$WEB_PORT/health/ready" ||
  { say "the server did not become ready"; tail -n 40 "$WORK/server.log"; exit 1; }
say "server on 127.0.0.1:$WEB_PORT (pid $SERVER_PID)"

say "scenarios: $CONCURRENCY clients; the server warmed up until its CPU per request is steady, then $REQUESTS requests each after $WARMUP warm-up, then the same SQL straight to PostgreSQL"
python3 "$ROOT/bench/search_bench.py" run --url "http://127.0.0.1:$WEB_PORT" --token "$TOKEN" --pid "$SERVER_PID" \
  ${OFFICER_TOKEN:+--officer-token "$OFFICER_TOKEN"} \
  --pg-port "$PG_PORT" --requests "$REQUESTS" --warmup "$WARMUP" --concurrency "$CONCURRENCY" | tee "$WORK/scenarios.log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || exit 1
say "correspondence scenarios: as the seeded users they are for, then the same SQL straight to PostgreSQL (bench/case_scenarios.py)"
python3 "$ROOT/bench/case_scenarios.py" run --url "http://127.0.0.1:$WEB_PORT" --token "$TOKEN" --server-dll "$SERVER_DLL" --pid "$SERVER_PID" \
  --tokens "$WORK/case-tokens.json" \
  --pg-port "$PG_PORT" --requests "$REQUESTS" --warmup "$WARMUP" --concurrency "$CONCURRENCY" | tee -a "$WORK/scenarios.log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || exit 1

MIXED=''
if command -v wrk >/dev/null 2>&1; then
  python3 "$ROOT/bench/search_bench.py" urls --pg-port "$PG_PORT" --requests 500 --out "$WORK/urls.txt" >/dev/null
  python3 "$ROOT/bench/case_scenarios.py" urls --token "$TOKEN" --server-dll "$SERVER_DLL" --pg-port "$PG_PORT" --requests 250 \
    --tokens "$WORK/case-tokens.json" --mix-with "$WORK/urls.txt" --out "$WORK/urls.txt" >/dev/null
  say "mixed load: $MIXED_CLIENTS clients for $MIXED_SECONDS s over $(wc -l <"$WORK/urls.txt") request paths (wrk)"
  RSS_BEFORE=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$SERVER_PID/status")
  URLS="$WORK/urls.txt" TOKEN="$TOKEN" wrk -t2 -c"$MIXED_CLIENTS" -d"${MIXED_SECONDS}s" --timeout 30s --latency \
    -s "$ROOT/bench/mixed.lua" "http://127.0.0.1:$WEB_PORT" | tee "$WORK/mixed.log"
  RSS_PEAK=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$SERVER_PID/status")
  ERRORS=$(awk '/^errors / {print $2}' "$WORK/mixed.log")
  MIXED="| mixed load ($MIXED_CLIENTS clients, ${MIXED_SECONDS} s) | zero errors, bounded memory | $(awk '/Requests\/sec/ {print $2}' "$WORK/mixed.log") req/s, p50 $(awk '$1=="50%" {print $2}' "$WORK/mixed.log"), p99 $(awk '$1=="99%" {print $2}' "$WORK/mixed.log") | errors ${ERRORS:-?}; server RSS $RSS_BEFORE → peak $RSS_PEAK MB |"
  echo "$MIXED"
  [[ ${ERRORS:-1} == 0 ]] || { say "the mixed load had errors"; exit 1; }
fi

say "learner import: $IMPORT_ROWS rows through the API (upload, dry run, apply, re-run), then raw COPY of the same file"
mkdir -p "$WORK/import"
python3 "$ROOT/bench/import_learners.py" --url "http://127.0.0.1:$WEB_PORT" --token "$TOKEN" --rows "$IMPORT_ROWS" --pid "$SERVER_PID" \
  --work "$WORK/import" --psql "$(pg_bin_dir)/psql -h 127.0.0.1 -p $PG_PORT -U postgres -d lnemis_bench" --area-code LN-01-01 \
  --markdown "$WORK/import.md" >"$WORK/import.log" 2>&1 || { cat "$WORK/import.log"; say "the learner import failed"; exit 1; }
cat "$WORK/import.md"

SUMMARY="$WORK/summary.md"
{
  echo "Run $(date -u +%Y-%m-%d), scale $SCALE, machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, PostgreSQL $("$(pg_bin_dir)/postgres" --version | awk '{print $3}'); whole run $((SECONDS - STARTED)) s."
  echo
  echo "Load (\`seed --scale $SCALE\`, binary COPY):"
  echo
  echo '```'
  grep -E 'rows/s' "$WORK/seed.log" | grep -v ' / '
  echo '```'
  echo
  sed -n '/^| scenario/,/^$/p' "$WORK/scenarios.log"
  grep -E '^(concurrency|warm-up)' "$WORK/scenarios.log" || true
  if [[ -n $MIXED ]]; then
    echo
    echo "| scenario | goal | measured | notes |"
    echo "| --- | --- | --- | --- |"
    echo "$MIXED"
  fi
  echo
  echo "Learner import (issue 3), on the same server and database (\`bench/import_learners.py\`):"
  echo
  cat "$WORK/import.md"
  if [[ -f $WORK/micro.md ]]; then
    echo
    echo "Micro-benchmarks (\`bench/micro.sh\`, $MICRO run):"
    echo
    cat "$WORK/micro.md"
  fi
} >"$SUMMARY"
if ((WRITE)); then
  python3 "$ROOT/bench/perfdoc.py" "$ROOT/docs/performance.md" bench/run.sh "Harness (bench/run.sh)" \
    "bench/run.sh --scale national --write" "$SUMMARY"
  say "docs/performance.md updated"
fi
say "done"
