#!/usr/bin/env bash
# Benchmark: learner search and institution list latency with LEARNERS (default 5,000,000) learners
# and INSTITUTIONS (default 20,000) institutions on a throw-away PostgreSQL, through the real server
# in production configuration, against a baseline measured in the same run: the same SQL (as EF Core
# sends it) issued straight to PostgreSQL at the same concurrency.
# Usage: bench/search.sh                      (builds the server in Release if needed)
#        LEARNERS=500000 REQUESTS=500 bench/search.sh
#        EXPLAIN=1 bench/search.sh            (also prints EXPLAIN (ANALYZE, BUFFERS) per scenario)
#        EXTRA_SQL=file.sql bench/search.sh   (runs the file after the load, e.g. to try an index)
#        ONLY='learners: q' bench/search.sh   (scenarios whose name contains one of the comma-separated parts)
#        BENCH_WORK=/tmp/search-5m bench/search.sh  (keeps the loaded database there and reuses it next
#                                      time: the load is skipped, migrations are applied on top)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LEARNERS=${LEARNERS:-5000000}
INSTITUTIONS=${INSTITUTIONS:-20000}
REQUESTS=${REQUESTS:-2000}
WARMUP=${WARMUP:-200}
CONCURRENCY=${CONCURRENCY:-8}
if [ -n "${BENCH_WORK:-}" ]; then
  WORK=$BENCH_WORK
  KEEP_BENCH_WORK=1
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d /tmp/lnemis-search.XXXXXX)
fi
chmod 755 "$WORK"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG_PORT=${PG_PORT:-55480}
WEB_PORT=${WEB_PORT:-55481}
SERVER_DLL="$ROOT/src/Lnemis.Server/bin/Release/net10.0/Lnemis.Server.dll"
SERVER_PID=''
STARTED=$(date +%s)

cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  [ -n "${KEEP_BENCH_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$SERVER_DLL" ] || dotnet build "$ROOT/src/Lnemis.Server" -c Release -p:SkipWebBuild=true >/dev/null

chown postgres "$WORK"
[ -f "$WORK/pg/PG_VERSION" ] || runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c effective_cache_size=8GB -c max_wal_size=8GB -c checkpoint_timeout=30min" \
  start >/dev/null
PSQL="$PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -d lnemis_bench"

export Lnemis__DataDirectory="$WORK/data"
export Lnemis__Database__Provider=Postgres
export Lnemis__Database__Primary="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=lnemis_bench"
export Lnemis__Database__SeedDemoData=false
export Lnemis__Api__RateLimitPerClient=1000000
export Lnemis__Api__RateLimitPerIp=1000000
mkdir -p "$WORK/data"
dotnet "$SERVER_DLL" migrate >/dev/null
if [ ! -f "$WORK/loaded" ]; then
  dotnet "$SERVER_DLL" users create-admin --email bench@example.gov --password 'Bench-Search-Password-2026!' >/dev/null
  echo "Loading $LEARNERS learners, $INSTITUTIONS institutions ..."
  python3 "$ROOT/bench/search_bench.py" load --psql "$PSQL" --work "$WORK" --pg-port "$PG_PORT" \
    --learners "$LEARNERS" --institutions "$INSTITUTIONS"
  touch "$WORK/loaded"
else
  echo "Reusing the database loaded in $WORK"
fi
TOKEN=$(dotnet "$SERVER_DLL" tokens create --user bench@example.gov --name bench | tail -1)
if [ -n "${EXTRA_SQL:-}" ]; then
  echo "Running $EXTRA_SQL ..."
  T0=$(date +%s%N)
  $PSQL -q -v ON_ERROR_STOP=1 -f "$EXTRA_SQL"
  echo "  $(( ($(date +%s%N) - T0) / 1000000 )) ms"
fi

dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$WEB_PORT" >"$WORK/server.log" 2>&1 </dev/null &
SERVER_PID=$!
for _ in $(seq 1 "${SERVER_WAIT:-120}"); do
  curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$WEB_PORT/health/ready" 2>/dev/null && break
  sleep 0.5
done

if [ -n "${EXPLAIN:-}" ]; then
  python3 "$ROOT/bench/search_bench.py" explain --pg-port "$PG_PORT" --only "${ONLY:-}"
fi

echo "Running scenarios ($CONCURRENCY clients, $REQUESTS requests each after $WARMUP warm-up) ..."
python3 "$ROOT/bench/search_bench.py" run --url "http://127.0.0.1:$WEB_PORT" --token "$TOKEN" --pid "$SERVER_PID" \
  --pg-port "$PG_PORT" --requests "$REQUESTS" --warmup "$WARMUP" --concurrency "$CONCURRENCY" --only "${ONLY:-}"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; PostgreSQL $($PG_BIN/postgres --version | awk '{print $3}'); whole run $(( $(date +%s) - STARTED )) s"
