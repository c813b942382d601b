# shellcheck shell=bash
# Ports and waiting. Needs bash; uses `ss` when present, else bash's /dev/tcp.

# port_in_use PORT — succeed if something listens on (or answers at) 127.0.0.1:PORT.
port_in_use() {
  local port=$1
  if command -v ss >/dev/null 2>&1 && [[ -n $(ss -Htln "sport = :$port" 2>/dev/null) ]]; then
    return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# free_port [EXCLUDED_PORT...] — print a free TCP port on 127.0.0.1 (15000-31999, random start, below Linux's ephemeral range) that is none of EXCLUDED_PORT.
free_port() {
  local start=$((15000 + RANDOM % 17000)) i port ex skip
  for ((i = 0; i < 17000; i++)); do
    port=$((15000 + (start - 15000 + i) % 17000))
    skip=
    for ex in "$@"; do [[ $ex == "$port" ]] && skip=1; done
    [[ -n $skip ]] && continue
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  echo "free_port: no free port found" >&2
  return 1
}

# wait_for SECONDS COMMAND [ARG...] — run COMMAND (output discarded) every half second until it succeeds; fail after SECONDS.
wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS >= deadline)) && return 1
    sleep 0.5
  done
}
