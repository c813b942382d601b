#!/usr/bin/env bash
# Micro-benchmarks (BenchmarkDotNet, project bench/Lnemis.Benchmarks) of the hot code that exists:
# deadline calculation, the audit chain's hash, learner numbers, workflow decisions, the import
# reader (CSV and XLSX, 10,000 rows), document encryption (1 MB) and export neutralisation.
# Prints one Markdown table (benchmark, mean, error, allocated bytes per operation; date, machine).
# Each benchmark class checks its inputs in its set-up, so a run fails when one measures the wrong thing.
#
# Usage: bench/micro.sh [--quick | --short] [--write] [--no-build] [--results FILE] [-- BENCHMARKDOTNET OPTIONS]
#   --quick      each benchmark once (BenchmarkDotNet's dry job): the smoke run that ./test.sh makes
#                through bench/run.sh --quick; its numbers mean nothing
#   --short      3 warm-up and 3 measured iterations of about 100 ms each (under a minute): what bench/run.sh uses
#   (neither)    BenchmarkDotNet's default job, at most 40 iterations each (about 10 minutes on 2 cores)
#   --write      put the table into docs/performance.md between its markers (full runs of every benchmark only)
#   --no-build   use the Release build as it is (it is built when missing)
#   --results F  also write the table to F
#   -- ...       passed to BenchmarkDotNet, e.g. -- --filter '*Deadline*'
# Environment: KEEP_BENCH_WORK=1 keeps the work folder (BenchmarkDotNet's log and artifacts).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

MODE='' WRITE=0 BUILD=1 RESULTS='' EXTRA=()
while (($#)); do
  case $1 in
    --quick | --short) MODE=$1 ;;
    --write) WRITE=1 ;;
    --no-build) BUILD=0 ;;
    --results) RESULTS=${2:?--results needs a file}; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "micro.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
if ((WRITE)) && [[ -n $MODE || ${#EXTRA[@]} -gt 0 ]]; then
  echo "micro.sh: --write takes a full run of every benchmark (no --quick, --short or BenchmarkDotNet options)" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/lnemis-micro.XXXXXX")
cleanup() { [[ ${KEEP_BENCH_WORK:-0} == 1 ]] || rm -rf "$WORK"; }
trap cleanup EXIT
PROJECT="$ROOT/bench/Lnemis.Benchmarks"
DLL="$PROJECT/bin/Release/net10.0/Lnemis.Benchmarks.dll"

if ((BUILD)) || [[ ! -f $DLL ]]; then
  dotnet build "$PROJECT" -c Release -p:SkipWebBuild=true -v q >"$WORK/build.log" 2>&1 ||
    { tail -n 40 "$WORK/build.log"; echo "micro.sh: the build failed" >&2; exit 1; }
fi

# From the work folder, so that BenchmarkDotNet leaves nothing in the source tree.
if ! (cd "$WORK" && dotnet "$DLL" ${MODE:+"$MODE"} --results "$WORK/micro.md" --artifacts "$WORK/artifacts" "${EXTRA[@]}" \
  >"$WORK/micro.log" 2>&1 </dev/null); then
  grep -E -A12 'Exception|Benchmark input is not' "$WORK/micro.log" | head -n 60 || true
  tail -n 30 "$WORK/micro.log"
  echo "micro.sh: a benchmark failed (log above; KEEP_BENCH_WORK=1 keeps $WORK)" >&2
  exit 1
fi
cat "$WORK/micro.md"
[[ -z $RESULTS ]] || cp "$WORK/micro.md" "$RESULTS"
if ((WRITE)); then
  python3 "$ROOT/bench/perfdoc.py" "$ROOT/docs/performance.md" bench/micro.sh "Micro-benchmarks (bench/micro.sh)" \
    "bench/micro.sh --write" "$WORK/micro.md"
  echo "docs/performance.md updated"
fi
