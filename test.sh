#!/usr/bin/env bash
# LNEMIS: run every test with one command.
#
# Usage: ./test.sh [--quick] [--filter EXPR]
#   --quick        skip the .NET tests on PostgreSQL (and PostgreSQL itself) and the browser tests
#   --filter EXPR  pass "--filter EXPR" to both `dotnet test` runs (e.g. --filter "FullyQualifiedName~Identity")
# Environment: KEEP_TEST_WORK=1 keeps the temporary work folder (logs, .trx files, server data).
#
# Runs as root (CI) or as a user who can sudo (sudo is used only for apt-get). Steps:
#   setup      install what is missing: Debian redis-server, chromium, clamav-daemon, clamav, postgresql (if no initdb), curl;
#              `npm ci` in src/web, tests/e2e, scripts/test-servers/mail (maildev) and scripts/test-servers/s3 (s3rver) (skipped when node_modules is newer than package-lock.json;
#              if it fails, `npm install --no-save`, which leaves package-lock.json unchanged)
#   services   throw-away PostgreSQL, Redis, maildev, s3rver and clamd on free loopback ports (scripts/test-servers/*.sh), exported as
#              LNEMIS_TEST_POSTGRES, LNEMIS_TEST_REDIS, LNEMIS_TEST_SMTP (host:port), LNEMIS_TEST_MAILDEV (its API URL),
#              LNEMIS_TEST_S3 (s3rver) and LNEMIS_TEST_CLAMD (clamd with the EICAR signature); LNEMIS_TEST_SCRIPT=1
#   format     dotnet format whitespace --verify-no-changes     (1 test; style and analyzer rules fail the build)
#   build      dotnet build -c Release                          (not a test; if it fails, each .NET phase counts 1 failed)
#   sqlite     dotnet test, LNEMIS_TEST_DB=sqlite               (counts from the .trx files)
#   postgres   dotnet test, LNEMIS_TEST_DB=postgres             (counts from the .trx files)
#   vitest     vitest run in src/web                            (counts from its JSON report)
#   web-build  npm run build in src/web                         (1 test)
#   e2e        the server on a free port + `npm test` in tests/e2e (counts from node's test runner summary;
#              screenshots in $WORK/e2e-shots)
#   bench      bench/run.sh --quick, if it is executable        (1 test)
# Each phase logs to $WORK/<phase>.log and prints one line; a failing one also prints its log's last 60 lines.
# A phase whose files are absent is skipped without counting.
# The last line is "Tests: N passed, M failed" (", K skipped" if K > 0); the exit code is 0 only if M is 0.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1
ROOT=$PWD
# shellcheck source=scripts/test-servers/lib.sh
source "$ROOT/scripts/test-servers/lib.sh"

QUICK=0
FILTER=
while (($#)); do
  case $1 in
    --quick) QUICK=1 ;;
    --filter)
      [[ $# -ge 2 ]] || { echo "test.sh: --filter needs an expression" >&2; exit 2; }
      FILTER=$2
      shift
      ;;
    --filter=*) FILTER=${1#--filter=} ;;
    -h | --help) sed -n '2,/^set -uo/{/^set -uo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "test.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/lnemis-test.XXXXXX") || exit 1
chmod 755 "$WORK" # the PostgreSQL cluster below runs as user postgres when we are root
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 # no MSBuild worker nodes left behind after the build
export NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false
# Browsers come from Debian (/usr/bin/chromium): never let an npm package try to download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1

PASSED=0 FAILED=0 SKIPPED=0
PG_PORT='' REDIS_PORT='' WEB_PORT='' SERVER_PID='' RUN_PID='' SMTP_PORT='' MAILDEV_PORT=''
PG_STARTED=0 REDIS_STARTED=0 MAIL_STARTED=0 S3_STARTED=0 CLAMD_STARTED=0 PG_OK=0

# ---------------------------------------------------------------- cleanup (silent: the last line stays the summary)
stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    local i
    for ((i = 0; i < 40; i++)); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$SERVER_PID" 2>/dev/null
  fi
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=
}
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  set +e
  if [[ -n $RUN_PID ]] && kill -0 "$RUN_PID"; then # interrupted during a phase: timeout passes TERM on to its command
    kill -TERM "$RUN_PID"
    local i
    for ((i = 0; i < 60; i++)); do kill -0 "$RUN_PID" || break; sleep 0.25; done
    kill -KILL -- "-$RUN_PID" # timeout leads its own process group
  fi
  stop_server
  ((PG_STARTED)) && pg_stop "$WORK/pg"
  ((REDIS_STARTED)) && redis_stop "$WORK/redis" "$REDIS_PORT"
  ((MAIL_STARTED)) && mail_stop "$WORK/mail"
  ((S3_STARTED)) && s3_stop "$WORK/s3"
  ((CLAMD_STARTED)) && clamd_stop "$WORK/clamd"
  [[ ${KEEP_TEST_WORK:-0} == 1 ]] || rm -rf "$WORK"
} >/dev/null 2>&1
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- output helpers
# step NAME TEXT — print a step's header (its result follows on the same line).
step() {
  STEP_START=$SECONDS
  printf '%-11s %s ... ' "[$1]" "$2"
}
# took — the seconds since the last step header.
took() { echo "$((SECONDS - STEP_START))s"; }
# show_tail LOG [head] — print the last (or first) 60 lines of LOG, indented.
show_tail() {
  [[ -s $1 ]] || { echo "    (no output; log $1)"; return; }
  echo "    --- ${2:-last} lines of ${1##*/} ---"
  if [[ ${2:-} == head ]]; then head -n 60 "$1"; else tail -n 60 "$1"; fi | sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' -e 's/^/    | /'
}
# count P F S — add to the totals.
count() { PASSED=$((PASSED + $1)) FAILED=$((FAILED + $2)) SKIPPED=$((SKIPPED + $3)); }
# result_one RC LOG — count a phase that is one test, print its result line.
result_one() {
  if [[ $1 -eq 0 ]]; then
    count 1 0 0
    echo "passed ($(took))"
  else
    count 0 1 0
    echo "FAILED, exit code $1 ($(took))"
    show_tail "$2"
  fi
}
# result_counts P F S RC LOG [NOTE] — count a phase of many tests, print its result line (and LOG's tail if any failed and LOG is not "").
result_counts() {
  local p=$1 f=$2 s=$3 rc=$4 log=$5 note=${6:-}
  count "$p" "$f" "$s"
  local line="$p passed, $f failed"
  ((s > 0)) && line+=", $s skipped"
  if ((f > 0)); then
    echo "FAILED: $line${note:+ ($note)} ($(took))"
    [[ -z $log ]] || show_tail "$log"
  else
    echo "ok: $line${note:+ ($note)} ($(took))"
  fi
  return 0
}
# fail_phase NAME TEXT REASON — count 1 failed for a phase that cannot run.
fail_phase() {
  step "$1" "$2"
  count 0 1 0
  echo "FAILED: $3"
}
# run LOG SECONDS COMMAND... — run COMMAND with no stdin, output to LOG, killed after SECONDS; return its exit code.
run() {
  local log=$1 limit=$2
  shift 2
  # In the background + wait, so that a signal to this script runs its trap at once (cleanup stops the command).
  timeout -k 30 "$limit" "$@" >"$log" 2>&1 </dev/null &
  RUN_PID=$!
  wait "$RUN_PID"
  local rc=$?
  RUN_PID=''
  ((rc == 124)) && echo "test.sh: timed out after ${limit}s" >>"$log"
  return "$rc"
}
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}
has_npm_script() { # has_npm_script DIR NAME — succeed if DIR/package.json has scripts.NAME
  node -e 'const p = require(require("path").resolve(process.argv[1]));
    process.exit(p.scripts && p.scripts[process.argv[2]] ? 0 : 1)' "$1/package.json" "$2" 2>/dev/null
}

echo "LNEMIS tests$( ((QUICK)) && echo ' (quick)')${FILTER:+ (filter: $FILTER)} — work folder $WORK"

# ---------------------------------------------------------------- setup: Debian packages
missing=()
for pkg in redis-server chromium clamav-daemon clamav; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v curl >/dev/null 2>&1 || missing+=(curl)
step setup "Debian packages"
if ((${#missing[@]} == 0)); then
  echo "all present"
else
  printf '%s' "installing ${missing[*]} ... "
  if as_root apt-get update >"$WORK/apt-update.log" 2>&1 </dev/null &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
      >"$WORK/apt-install.log" 2>&1 </dev/null; then
    echo "ok ($(took))"
  else
    echo "FAILED ($(took)); the phases that need them will fail"
    show_tail "$WORK/apt-install.log"
    [[ -s $WORK/apt-install.log ]] || show_tail "$WORK/apt-update.log"
  fi
fi

# ---------------------------------------------------------------- setup: npm packages
for dir in src/web tests/e2e scripts/test-servers/mail scripts/test-servers/s3; do
  [[ -f $dir/package-lock.json ]] || continue
  step setup "npm ci in $dir"
  if [[ -f $dir/node_modules/.package-lock.json && $dir/node_modules/.package-lock.json -nt $dir/package-lock.json &&
    ! $dir/package.json -nt $dir/node_modules/.package-lock.json ]]; then
    echo "up to date"
  elif run "$WORK/npm-ci-${dir//\//-}.log" 900 env -C "$dir" npm ci --no-audit --no-fund --loglevel=error; then
    echo "ok ($(took))"
  # A lock file made against a registry mirror that lacks other platforms' optional packages (e.g.
  # @rollup/rollup-darwin-*) never satisfies `npm ci`; install from package.json then, leaving the lock file as it is.
  elif run "$WORK/npm-install-${dir//\//-}.log" 900 env -C "$dir" npm install --no-save --no-audit --no-fund --loglevel=error; then
    echo "ok with npm install --no-save ($(took)): npm ci said: $(grep -E '^npm (error|ERR!) [^ ]' \
      "$WORK/npm-ci-${dir//\//-}.log" | grep -v -E '^npm (error|ERR!) code ' | head -n 1 | sed -E 's/^npm (error|ERR!) //' | cut -c1-120)"
  else
    echo "FAILED ($(took)); its phases will fail"
    show_tail "$WORK/npm-ci-${dir//\//-}.log" head # npm puts the cause first, then its usage text
    show_tail "$WORK/npm-install-${dir//\//-}.log"
  fi
done

# ---------------------------------------------------------------- services
if ((!QUICK)) && [[ -f Lnemis.slnx ]]; then
  PG_PORT=$(free_port)
  step services "PostgreSQL on 127.0.0.1:$PG_PORT"
  PG_STARTED=1
  if pg_start "$WORK/pg" "$PG_PORT" >"$WORK/pg-start.log" 2>&1; then
    PG_OK=1
    echo "ok, $(basename "$(dirname "$(pg_bin_dir)")") ($(took))"
  else
    echo "FAILED ($(took)); the PostgreSQL tests count as failed"
    show_tail "$WORK/pg-start.log"
    [[ -f $WORK/pg/log ]] && show_tail "$WORK/pg/log"
  fi
fi
REDIS_PORT=$(free_port "$PG_PORT")
step services "Redis on 127.0.0.1:$REDIS_PORT"
REDIS_STARTED=1
if redis_start "$WORK/redis" "$REDIS_PORT" >"$WORK/redis-start.log" 2>&1; then
  echo "ok ($(took))"
else
  count 0 1 0
  echo "FAILED ($(took)); counted as 1 failed test"
  show_tail "$WORK/redis-start.log"
fi
if ((PG_OK)); then
  export LNEMIS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres"
fi
export LNEMIS_TEST_REDIS="127.0.0.1:$REDIS_PORT"
SMTP_PORT=$(free_port "$PG_PORT" "$REDIS_PORT")
MAILDEV_PORT=$(free_port "$PG_PORT" "$REDIS_PORT" "$SMTP_PORT")
step services "maildev, SMTP on 127.0.0.1:$SMTP_PORT, API on :$MAILDEV_PORT"
MAIL_STARTED=1
if mail_start "$WORK/mail" "$SMTP_PORT" "$MAILDEV_PORT" >"$WORK/mail-start.log" 2>&1; then
  echo "ok ($(took))"
else
  count 0 1 0
  echo "FAILED ($(took)); counted as 1 failed test (the e-mail tests fail too)"
  show_tail "$WORK/mail-start.log"
fi
export LNEMIS_TEST_SMTP="127.0.0.1:$SMTP_PORT" LNEMIS_TEST_MAILDEV="http://127.0.0.1:$MAILDEV_PORT"
S3_PORT=$(free_port "$PG_PORT" "$REDIS_PORT" "$SMTP_PORT" "$MAILDEV_PORT")
step services "s3rver on 127.0.0.1:$S3_PORT"
S3_STARTED=1
if s3_start "$WORK/s3" "$S3_PORT" >"$WORK/s3-start.log" 2>&1; then
  echo "ok ($(took))"
else
  count 0 1 0
  echo "FAILED ($(took)); counted as 1 failed test (the S3 storage tests fail too)"
  show_tail "$WORK/s3-start.log"
fi
export LNEMIS_TEST_S3="http://127.0.0.1:$S3_PORT"
CLAMD_PORT=$(free_port "$PG_PORT" "$REDIS_PORT" "$SMTP_PORT" "$MAILDEV_PORT" "$S3_PORT")
step services "clamd on 127.0.0.1:$CLAMD_PORT"
CLAMD_STARTED=1
if clamd_start "$WORK/clamd" "$CLAMD_PORT" >"$WORK/clamd-start.log" 2>&1; then
  echo "ok ($(took))"
else
  count 0 1 0
  echo "FAILED ($(took)); counted as 1 failed test (the virus-scanning tests fail too)"
  show_tail "$WORK/clamd-start.log"
fi
export LNEMIS_TEST_CLAMD="127.0.0.1:$CLAMD_PORT"
# Tests of a server this script starts fail (instead of skipping) when it is missing.
export LNEMIS_TEST_SCRIPT=1

# ---------------------------------------------------------------- .NET
BUILD_OK=0
if [[ -f Lnemis.slnx ]]; then
  # Whitespace only, file by file (no compilation): the code-style and analyzer rules are errors in the
  # build itself (EnforceCodeStyleInBuild, TreatWarningsAsErrors), so the full `dotnet format` check
  # would compile the solution a second time for nothing.
  step format "dotnet format whitespace --verify-no-changes"
  run "$WORK/format.log" 900 dotnet format whitespace --folder . --verify-no-changes
  rc=$?
  result_one "$rc" "$WORK/format.log"
  if ((rc != 0)) && grep -qE '^[^(]+\([0-9]+,[0-9]+\): (error|warning) ' "$WORK/format.log"; then
    echo "    --- problems per file and rule (\`dotnet format Lnemis.slnx\` fixes most) ---"
    grep -oE '^[^(]+\([0-9]+,[0-9]+\): (error|warning) [A-Za-z0-9_]+' "$WORK/format.log" |
      sed -E "s#^$ROOT/##; s/\([0-9]+,[0-9]+\): (error|warning) / /" | sort | uniq -c | sort -rn | head -n 20 | sed 's/^/    /'
  fi

  step build "dotnet build -c Release"
  if run "$WORK/build.log" 1200 dotnet build Lnemis.slnx -c Release; then
    BUILD_OK=1
    echo "ok ($(took))"
  else
    echo "FAILED ($(took)); the .NET test phases count as failed"
    show_tail "$WORK/build.log"
  fi

  # dotnet_tests DB — run the .NET tests with LNEMIS_TEST_DB=DB, count from the .trx files.
  dotnet_tests() {
    local db=$1 log=$WORK/dotnet-$1.log dir=$WORK/trx-$1 rc p f s n note=
    local args=(test Lnemis.slnx -c Release --no-build --logger "trx;LogFilePrefix=$db" --results-directory "$dir")
    [[ -n $FILTER ]] && args+=(--filter "$FILTER")
    step "$db" "dotnet test on $db"
    LNEMIS_TEST_DB=$db run "$log" 1500 dotnet "${args[@]}"
    rc=$?
    read -r p f s n < <(trx_counts "$dir")
    if ((rc != 0 && f == 0)); then
      f=1
      note="exit code $rc, $n .trx file(s)"
    fi
    if ((f > 0)) && [[ -n $(trx_failures "$dir" 1) ]]; then
      # Failed tests by name (first line of their message), then each test assembly's summary: shorter and
      # clearer than the log's tail of repeated messages; the full output stays in the log.
      result_counts "$p" "$f" "$s" "$rc" "" "$note"
      echo "    --- failed tests; all output in $log (KEEP_TEST_WORK=1 keeps it) ---"
      trx_failures "$dir" 30 | sed 's/^/    * /'
      grep -E '^(Passed|Failed)! +- ' "$log" | sed 's/^/    | /'
    else
      result_counts "$p" "$f" "$s" "$rc" "$log" "$note"
    fi
  }
  if ((BUILD_OK)); then
    dotnet_tests sqlite
  else
    fail_phase sqlite "dotnet test on sqlite" "not run: the build failed"
  fi
  if ((!QUICK)); then
    if ((!BUILD_OK)); then
      fail_phase postgres "dotnet test on postgres" "not run: the build failed"
    elif ((!PG_OK)); then
      fail_phase postgres "dotnet test on postgres" "not run: PostgreSQL did not start"
    else
      dotnet_tests postgres
    fi
  fi
fi

# ---------------------------------------------------------------- front end
if [[ -f src/web/package.json ]]; then
  if grep -q '"vitest"' src/web/package.json; then
    step vitest "vitest run in src/web"
    run "$WORK/vitest.log" 900 env -C src/web npx vitest run --passWithNoTests \
      --reporter=default --reporter=json --outputFile="$WORK/vitest.json"
    rc=$?
    if read -r p f s < <(vitest_counts "$WORK/vitest.json"); then
      note=
      if ((rc != 0 && f == 0)); then f=1 note="exit code $rc"; fi
      result_counts "$p" "$f" "$s" "$rc" "$WORK/vitest.log" "$note"
    else
      result_counts 0 1 0 "$rc" "$WORK/vitest.log" "exit code $rc, no JSON report"
    fi
  fi
  if has_npm_script src/web build; then
    step web-build "npm run build in src/web"
    run "$WORK/web-build.log" 900 env -C src/web npm run build
    result_one $? "$WORK/web-build.log"
  fi
fi

# ---------------------------------------------------------------- browser tests
if ((!QUICK)) && [[ -f tests/e2e/package.json ]]; then
  SERVER_DLL=src/Lnemis.Server/bin/Release/net10.0/Lnemis.Server.dll
  if ((!BUILD_OK)) || [[ ! -f $SERVER_DLL ]]; then
    fail_phase e2e "browser tests" "not run: no server build ($SERVER_DLL)"
  else
    WEB_PORT=$(free_port "$PG_PORT" "$REDIS_PORT" "$SMTP_PORT" "$MAILDEV_PORT")
    step e2e "server on 127.0.0.1:$WEB_PORT"
    env Lnemis__DataDirectory="$WORK/e2e-data" Lnemis__Web__Root="$ROOT/src/web/dist" \
      dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$WEB_PORT" >"$WORK/e2e-server.log" 2>&1 </dev/null &
    SERVER_PID=$!
    ready=0
    deadline=$((SECONDS + 90))
    while ((SECONDS < deadline)); do
      curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$WEB_PORT/health/ready" 2>/dev/null && { ready=1; break; }
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 1
    done
    if ((!ready)); then
      count 0 1 0
      if kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "FAILED: /health/ready did not answer within 90s ($(took))"
      else
        echo "FAILED: the server exited ($(took))"
      fi
      show_tail "$WORK/e2e-server.log"
    else
      echo "ready ($(took))"
      step e2e "npm test in tests/e2e"
      LNEMIS_URL="http://127.0.0.1:$WEB_PORT" LNEMIS_SHOTS="$WORK/e2e-shots" \
        run "$WORK/e2e.log" 1200 env -C tests/e2e npm test
      rc=$?
      if read -r p f s < <(tap_counts "$WORK/e2e.log"); then
        note=
        if ((rc != 0 && f == 0)); then f=1 note="exit code $rc"; fi
        result_counts "$p" "$f" "$s" "$rc" "$WORK/e2e.log" "$note"
      else
        result_counts 0 1 0 "$rc" "$WORK/e2e.log" "exit code $rc, no test summary"
      fi
    fi
    stop_server
  fi
fi

# ---------------------------------------------------------------- benchmark hook
if [[ -x bench/run.sh ]]; then
  step bench "bench/run.sh --quick"
  run "$WORK/bench.log" 1200 bench/run.sh --quick
  result_one $? "$WORK/bench.log"
fi

# ---------------------------------------------------------------- summary
[[ ${KEEP_TEST_WORK:-0} == 1 ]] && echo "Work folder kept: $WORK"
summary="Tests: $PASSED passed, $FAILED failed"
((SKIPPED > 0)) && summary+=", $SKIPPED skipped"
echo "$summary"
((FAILED == 0)) && exit 0
exit 1
