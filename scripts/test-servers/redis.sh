# shellcheck shell=bash
# A throw-away Redis on loopback: no persistence, daemonized, pidfile and log in its folder. Needs wait_for (ports.sh).

# redis_start DIR PORT — start redis-server on 127.0.0.1:PORT (pidfile DIR/redis.pid, log DIR/redis.log), wait until it answers PING.
redis_start() {
  local dir=$1 port=$2
  command -v redis-server >/dev/null 2>&1 || { echo "redis_start: redis-server is not installed (apt-get install redis-server)" >&2; return 1; }
  mkdir -p "$dir" || return 1
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --dir "$dir" --logfile "$dir/redis.log" >/dev/null 2>&1 </dev/null ||
    { echo "redis_start: redis-server failed to start" >&2; return 1; }
  wait_for 30 _redis_pong "$port" ||
    { echo "redis_start: Redis does not answer on 127.0.0.1:$port:" >&2; tail -n 20 "$dir/redis.log" >&2; return 1; }
}

# _redis_pong PORT — succeed if the Redis on 127.0.0.1:PORT answers PONG.
_redis_pong() {
  [[ $(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null) == PONG ]]
}

# redis_stop DIR PORT — shut down (nosave) the Redis started by redis_start DIR PORT; kill its pidfile's process if it does not go.
redis_stop() {
  local dir=$1 port=$2 pid=
  [[ -f $dir/redis.pid ]] && pid=$(<"$dir/redis.pid")
  redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1
  [[ -n $pid ]] || return 0
  # Wait for it to go; kill it only if the pid is still a redis-server (pids get reused).
  local i
  for ((i = 0; i < 20; i++)); do
    _redis_is "$pid" || return 0
    sleep 0.5
  done
  _redis_is "$pid" && kill -9 "$pid" 2>/dev/null
  return 0
}

# _redis_is PID — succeed if process PID exists and is a redis-server.
_redis_is() {
  [[ -r /proc/$1/comm && $(<"/proc/$1/comm") == redis-server* ]]
}
