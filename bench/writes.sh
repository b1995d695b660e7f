#!/usr/bin/env bash
# Write throughput of the API on the embedded database: creates per second.
#   bash bench/writes.sh [creates] [writers]
# Starts the packaged jar in a scratch directory (demo content loaded), then WRITERS concurrent curl loops
# (default 4) create CREATES articles in all (default 400) and the script prints creates per second, and the
# size of the database file afterwards. Set BENCH_JDBC_URL to compare H2 settings on the same jar, e.g.
#   BENCH_JDBC_URL='jdbc:h2:file:./data/headline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=500'
# (H2's own default, which lost acknowledged writes on kill -9) against the shipped WRITE_DELAY=0.
set -euo pipefail
cd "$(dirname "$0")/.."
creates="${1:-400}"
writers="${2:-4}"
port="${BENCH_PORT:-18082}"
url_option=()
[ -z "${BENCH_JDBC_URL:-}" ] || url_option=(-Dquarkus.datasource.jdbc.url="$BENCH_JDBC_URL")
. bench/app.sh
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
start_app "$port" ${JAVA_OPTS:-} "${url_option[@]}"
base="$base/articles"
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')

create() { # writer, index
  curl -sf -o /dev/null "${auth[@]}" -X POST "$base" -d "{\"title\": \"Bench write $1-$2\",
    \"status\": \"published\", \"category\": \"news\", \"authors\": [\"newsdesk\"], \"tags\": [\"bench\"],
    \"body\": \"Paragraph one of article $1-$2.\\n\\nA second paragraph with a few more words in it.\"}"
}
for i in $(seq 1 20); do create warmup "$i"; done

per_writer=$((creates / writers))
start=$(date +%s%N)
for w in $(seq 1 "$writers"); do
  (for i in $(seq 1 "$per_writer"); do create "$w" "$i"; done) &
done
wait $(jobs -p | grep -v "^$pid$")
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
total=$((per_writer * writers))
size_kib=$(( $(du -sk "$work/data" | cut -f1) ))
echo "$total creates by $writers writers in $elapsed_ms ms: $(( total * 1000 / elapsed_ms )) creates/s;" \
  "database ${size_kib} KiB (${BENCH_JDBC_URL:-shipped URL}; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
