#!/usr/bin/env bash
# Benchmark: import ROWS (default 1,000,000) learner rows from a CSV through the real server on a
# throw-away PostgreSQL, measure upload, dry run and apply, the server's RSS growth, a re-run of
# the same file (idempotent), and raw COPY of the same file into a plain table for the ratio.
# Usage: bench/import-learners.sh            (builds the server in Release if needed)
#        ROWS=100000 bench/import-learners.sh
#        COLD=1 bench/import-learners.sh     (no warm-up dry run before the measured import; see import_learners.py)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${ROWS:-1000000}
WORK=$(mktemp -d /tmp/lnemis-bench.XXXXXX)
chmod 755 "$WORK"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG_PORT=${PG_PORT:-55470}
WEB_PORT=${WEB_PORT:-55471}
SERVER_DLL="$ROOT/src/Lnemis.Server/bin/Release/net10.0/Lnemis.Server.dll"
SERVER_PID=''

cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  [ -n "${KEEP_BENCH_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$SERVER_DLL" ] || dotnet build "$ROOT/src/Lnemis.Server" -c Release -p:SkipWebBuild=true >/dev/null

chown postgres "$WORK"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB ${PG_EXTRA:-}" start >/dev/null

export Lnemis__DataDirectory="$WORK/data"
export Lnemis__Database__Provider=Postgres
export Lnemis__Database__Primary="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=lnemis_bench"
export Lnemis__Database__SeedDemoData=false
export Lnemis__Jobs__PollMilliseconds=200
export Lnemis__Api__RateLimitPerClient=100000
export Lnemis__Api__RateLimitPerIp=100000
mkdir -p "$WORK/data"
dotnet "$SERVER_DLL" migrate >/dev/null
dotnet "$SERVER_DLL" seed-demo >/dev/null
dotnet "$SERVER_DLL" users create-admin --email bench@example.gov --password 'Bench-Import-Password-2026!' >/dev/null
TOKEN=$(dotnet "$SERVER_DLL" tokens create --user bench@example.gov --name bench | tail -1)

dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$WEB_PORT" >"$WORK/server.log" 2>&1 </dev/null &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$WEB_PORT/health/ready" 2>/dev/null && break
  sleep 0.5
done

python3 "$ROOT/bench/import_learners.py" --url "http://127.0.0.1:$WEB_PORT" --token "$TOKEN" --rows "$ROWS" \
  --pid "$SERVER_PID" --work "$WORK" --psql "$PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -d lnemis_bench" ${COLD:+--cold}
