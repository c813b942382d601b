# shellcheck shell=bash
# A throw-away S3-compatible server (npm s3rver, installed in scripts/test-servers/s3 by test.sh) on loopback,
# storing in its folder. Needs wait_for and port_in_use (ports.sh).

_s3_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/s3

# s3_start DIR PORT — start s3rver on 127.0.0.1:PORT with its files in DIR/data (pidfile DIR/s3rver.pid, log DIR/s3rver.log).
s3_start() {
  local dir=$1 port=$2 bin=$_s3_dir/node_modules/.bin/s3rver
  [[ -x $bin ]] || { echo "s3_start: s3rver is not installed (npm ci in $_s3_dir)" >&2; return 1; }
  command -v node >/dev/null 2>&1 || { echo "s3_start: node is not installed" >&2; return 1; }
  mkdir -p "$dir/data" || return 1
  "$bin" --directory "$dir/data" --address 127.0.0.1 --port "$port" --silent >"$dir/s3rver.log" 2>&1 </dev/null &
  echo $! >"$dir/s3rver.pid"
  wait_for 30 port_in_use "$port" ||
    { echo "s3_start: s3rver does not listen on 127.0.0.1:$port:" >&2; tail -n 20 "$dir/s3rver.log" >&2; return 1; }
}

# s3_stop DIR — stop the s3rver started by s3_start DIR.
s3_stop() {
  local dir=$1 pid=
  [[ -f $dir/s3rver.pid ]] && pid=$(<"$dir/s3rver.pid")
  [[ -n $pid ]] || return 0
  kill "$pid" 2>/dev/null
  local i
  for ((i = 0; i < 20; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  kill -9 "$pid" 2>/dev/null
  return 0
}
