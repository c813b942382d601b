# shellcheck shell=bash
# A throw-away ClamAV daemon on loopback whose only signature is the EICAR test file (signatures cannot
# be downloaded here, and the tests need no more). Needs wait_for and port_in_use (ports.sh).

# The standard EICAR anti-virus test string (harmless; every scanner reports it).
_CLAMD_EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

# clamd_start DIR PORT — write a one-signature database and a config to DIR, start clamd on 127.0.0.1:PORT (log DIR/clamd.log).
clamd_start() {
  local dir=$1 port=$2
  command -v clamd >/dev/null 2>&1 || { echo "clamd_start: clamd is not installed (apt-get install clamav-daemon clamav)" >&2; return 1; }
  mkdir -p "$dir/db" || return 1
  printf '%s' "$_CLAMD_EICAR" >"$dir/eicar.txt"
  (cd "$dir" && sigtool --md5 eicar.txt >"$dir/db/test.hdb") || { echo "clamd_start: sigtool failed" >&2; return 1; }
  rm -f "$dir/eicar.txt"
  cat >"$dir/clamd.conf" <<CONF
DatabaseDirectory $dir/db
TCPSocket $port
TCPAddr 127.0.0.1
Foreground yes
LogFile $dir/clamd.log
PidFile $dir/clamd.pid
StreamMaxLength 30M
MaxThreads 4
CONF
  [[ $EUID -eq 0 ]] && echo "User root" >>"$dir/clamd.conf"
  clamd -c "$dir/clamd.conf" >"$dir/clamd.out" 2>&1 </dev/null &
  echo $! >"$dir/clamd.bgpid"
  wait_for 60 port_in_use "$port" ||
    { echo "clamd_start: clamd does not listen on 127.0.0.1:$port:" >&2; tail -n 20 "$dir/clamd.out" "$dir/clamd.log" >&2 2>/dev/null; return 1; }
}

# clamd_stop DIR — stop the clamd started by clamd_start DIR.
clamd_stop() {
  local dir=$1 pid=
  [[ -f $dir/clamd.bgpid ]] && pid=$(<"$dir/clamd.bgpid")
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
