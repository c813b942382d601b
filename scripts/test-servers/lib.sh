# shellcheck shell=bash
# Helpers to run LNEMIS tests and benchmarks against throw-away local servers.
# Source this file: it loads every helper of this folder.
#   ports.sh    free_port, port_in_use, wait_for
#   postgres.sh pg_bin_dir, pg_start, pg_stop
#   redis.sh    redis_start, redis_stop
#   s3.sh       s3_start, s3_stop (npm s3rver)
#   clamd.sh    clamd_start, clamd_stop (ClamAV with the EICAR signature only)
#   mail.sh     mail_start, mail_stop (maildev, the SMTP catcher)
#   counts.sh   trx_counts, trx_failures, vitest_counts, tap_counts
_lnemis_ts_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=/dev/null
for _lnemis_ts_f in ports postgres redis mail s3 clamd counts; do
  source "$_lnemis_ts_dir/$_lnemis_ts_f.sh"
done
unset _lnemis_ts_f
