# shellcheck shell=bash
# A throw-away SMTP catcher on loopback: maildev (npm, installed in scripts/test-servers/mail by `npm ci`),
# messages in memory, readable through its web API (GET /api/email). Needs wait_for (ports.sh).

_mail_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/mail

# mail_start DIR SMTP_PORT WEB_PORT — start maildev with SMTP on 127.0.0.1:SMTP_PORT and its API on 127.0.0.1:WEB_PORT
# (pidfile DIR/maildev.pid, log DIR/maildev.log); wait until the API answers.
mail_start() {
  local dir=$1 smtp=$2 web=$3 bin=$_mail_dir/node_modules/.bin/maildev
  [[ -x $bin ]] || { echo "mail_start: maildev is not installed (npm ci in $_mail_dir)" >&2; return 1; }
  mkdir -p "$dir" || return 1
  "$bin" --smtp "$smtp" --ip 127.0.0.1 --web "$web" --web-ip 127.0.0.1 >"$dir/maildev.log" 2>&1 </dev/null &
  echo $! >"$dir/maildev.pid"
  wait_for 60 curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$web/api/healthz" ||
    { echo "mail_start: maildev does not answer on 127.0.0.1:$web:" >&2; tail -n 20 "$dir/maildev.log" >&2; return 1; }
}

# mail_stop DIR — stop the maildev started by mail_start DIR.
mail_stop() {
  local dir=$1 pid=
  [[ -f $dir/maildev.pid ]] && pid=$(<"$dir/maildev.pid")
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null
  local i
  for ((i = 0; i < 20; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  kill -KILL "$pid" 2>/dev/null
  return 0
}
