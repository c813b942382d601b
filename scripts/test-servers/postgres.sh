# shellcheck shell=bash
# A throw-away PostgreSQL cluster on loopback: trust authentication, superuser "postgres", fsync off.
# As root, the cluster runs as the "postgres" user (PostgreSQL refuses root), so the parents of DIR
# must be traversable by that user (mktemp -d makes a 0700 folder: chmod 755 it). Needs wait_for (ports.sh).

# pg_bin_dir — print the bin folder of the newest installed PostgreSQL server (/usr/lib/postgresql/*/bin, else initdb's folder on PATH).
pg_bin_dir() {
  local initdb
  initdb=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  [[ -x $initdb ]] || initdb=$(command -v initdb 2>/dev/null) || return 1
  dirname "$initdb"
}

# _pg_as COMMAND [ARG...] — run COMMAND as "postgres" when root, else as the current user.
_pg_as() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start DIR PORT — init a cluster in DIR/data (unless there is one), start it on 127.0.0.1:PORT (socket in DIR, log DIR/log), wait until it accepts connections.
# PG_EXTRA_OPTS adds server settings ("-c name=value ..."), e.g. the benchmark's memory settings.
pg_start() {
  local dir=$1 port=$2 bin
  bin=$(pg_bin_dir) || { echo "pg_start: no PostgreSQL server installed (apt-get install postgresql)" >&2; return 1; }
  if [[ $EUID -eq 0 ]]; then
    install -d -o postgres -g postgres -m 700 "$dir" || return 1
    runuser -u postgres -- test -w "$dir" ||
      { echo "pg_start: user postgres cannot write to $dir: make its parent folders traversable (chmod o+x)" >&2; return 1; }
  else
    install -d -m 700 "$dir" || return 1
  fi
  if [[ ! -f $dir/data/PG_VERSION ]]; then
    _pg_as "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { echo "pg_start: initdb failed:" >&2; tail -n 20 "$dir/initdb.log" >&2; return 1; }
  fi
  _pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
    -o "-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 ${PG_EXTRA_OPTS:-}" start >"$dir/pg_ctl.log" 2>&1 ||
    { echo "pg_start: pg_ctl start failed:" >&2; tail -n 20 "$dir/log" >&2; return 1; }
  wait_for 30 "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres ||
    { echo "pg_start: PostgreSQL does not answer on 127.0.0.1:$port" >&2; return 1; }
}

# pg_stop DIR — stop the cluster of DIR/data at once (-m immediate); does nothing if it is not running.
pg_stop() {
  local dir=$1 bin
  [[ -f $dir/data/postmaster.pid ]] || return 0
  bin=$(pg_bin_dir) || return 1
  _pg_as "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >>"$dir/pg_ctl.log" 2>&1
}
