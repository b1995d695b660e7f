#!/usr/bin/env bash
# The benchmark: one command, from a fresh clone.
#   bash bench/run.sh [--articles N] [--duration S] [--nginx] [--tiny] [--seed S] [--no-cache] [--multiply K]
#                     [--locales en,de,fr]
# Installs wrk (and nginx with --nginx) from Debian's packages when missing, builds the packaged jar for PostgreSQL
# when it is missing or older than the sources, creates a fresh PostgreSQL database (PGHOST, PGPORT, PGUSER; default
# 127.0.0.1:5432, postgres), generates the dataset of N articles (bench/dataset.py, default 100,000; kept under
# target/bench-data/) and imports it with the jar's import mode (timed), starts the jar against it as in a 1 GiB
# container (-XX:MaxRAM=1g; JAVA_OPTS adds options), times start to ready, then runs wrk -t2 -c32 for S seconds
# (default 10) per workload and prints requests/s, p50, p95, p99, errors and the server's peak RSS for each; with --nginx
# also nginx's requests/s for the identical bytes of the by-slug and list workloads, and the ratios. The floors: the
# SQL the app issues for one article by slug and for list page 1, read from PostgreSQL's statement log (turned on
# server-wide for about two seconds; bench/pgbench.py), run by pgbench -c32 -j2 -M prepared for S seconds, with the
# ratio of the app's figure to each. The table is written to bench/results/last.txt too. --tiny: 300 articles,
# 2-second workloads (CI). --no-cache: the server runs with its response cache off, so that every read reaches the
# database (the uncached figures). --multiply K: imports N/K articles and makes the rest in SQL (bench/multiply.sql:
# K-1 copies of each with new ids, slugs and dates), for a million rows without an hour of import; the import rate
# printed is then the N/K articles'.
# --locales L: the server has the locales L (HEADLINE_LOCALES) and each of the N articles is written in every one of
# them (N times the locales rows); the reads ask for the second locale (locale=..., its slugs), whose fallback is the
# default: the figures to hold against a run without --locales.
# Exits 3 when every step ran but a workload had an error (non-2xx/3xx, socket error, timeout), and 1 (or another
# non-zero status) when a step failed: the tools, the build, the import, start-up or a workload that wrk could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

articles=""
duration=""
seed=8
with_nginx=false
tiny=false
response_cache=on
multiply=1
locales=""
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) articles="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --nginx) with_nginx=true; shift ;;
    --tiny) tiny=true; shift ;;
    --no-cache) response_cache=off; shift ;;
    --multiply) multiply="$2"; shift 2 ;;
    --locales) locales="$2"; shift 2 ;;
    -h | --help) sed -n '2,23p' "$0" | cut -c3-; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if $tiny; then articles="${articles:-300}"; duration="${duration:-2}"; fi
articles="${articles:-100000}"
[ "$multiply" -ge 1 ] && [ $(( articles % multiply )) -eq 0 ] || { echo "--multiply must divide --articles" >&2; exit 2; }
imported_articles=$(( articles / multiply ))
[ -z "$locales" ] || [ "$multiply" -eq 1 ] || { echo "--locales and --multiply do not go together" >&2; exit 2; }
locale_count=$(awk -F, '{print NF}' <<<"${locales:-en}")
# The locale the reads ask for: the second of --locales (none without).
read_locale=$(cut -s -d, -f2 <<<"$locales")
duration="${duration:-10}"
warmup=$(( duration < 6 ? 1 : duration / 3 ))
port="${BENCH_PORT:-18700}"
nginx_port="${BENCH_NGINX_PORT:-18701}"
pg=(-h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}")
db="headline_bench_$$"
. bench/app.sh
jvm=("${container_jvm[@]}")
# shellcheck disable=SC2206 # JAVA_OPTS holds several options
jvm+=(${JAVA_OPTS:-})
token="bench-$$-$RANDOM"

scratch=$(mktemp -d)
chmod 755 "$scratch" # nginx's workers read the files as another user
nginx_pid=""
sampler=""
db_created=false
statement_log=off
cleanup() {
  set +e
  [ -z "$sampler" ] || kill "$sampler" 2>/dev/null
  [ "$statement_log" = off ] || statement_log_off
  stop_nginx
  stop_app
  ! $db_created || psql "${pg[@]}" -qc "drop database if exists $db with (force)" >/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "bench: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
fail() { echo "bench: $*" >&2; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# --- Tools ------------------------------------------------------------------------------------------------------
if $with_nginx; then install_missing wrk=wrk pgbench=postgresql-client nginx=nginx-light
else install_missing wrk=wrk pgbench=postgresql-client; fi
command -v python3 >/dev/null || fail "python3 is needed for the dataset"

# --- The packaged jar, built for PostgreSQL ----------------------------------------------------------------------
package_jar_for_postgresql
jar="$PWD/target/quarkus-app/quarkus-run.jar"

# --- Dataset ------------------------------------------------------------------------------------------------------
mkdir -p target/bench-data
data="$PWD/target/bench-data/articles-$imported_articles-seed-$seed${locales:+-locales-${locales//,/-}}.ndjson"
if [ ! -s "$data.meta.json" ] || [ bench/dataset.py -nt "$data.meta.json" ]; then
  echo "== generating $imported_articles articles (seed $seed)"
  t=$(now_ms)
  python3 bench/dataset.py --articles "$imported_articles" --seed "$seed" ${locales:+--locales "$locales"} --out "$data"
  generate_s=$(awk -v ms=$(( $(now_ms) - t )) 'BEGIN {printf "%.1f", ms / 1000}')
else
  generate_s="cached"
fi
data_mb=$(( $(stat -c %s "$data") / 1048576 ))

# --- Database and import ------------------------------------------------------------------------------------------
psql "${pg[@]}" -v ON_ERROR_STOP=1 -qc "create database $db" >/dev/null
db_created=true
app_env=("${container_env[@]}" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$db"
  QUARKUS_DATASOURCE_USERNAME="${PGUSER:-postgres}" HEADLINE_DEMO_CONTENT=false)
[ -z "$locales" ] || app_env+=(HEADLINE_LOCALES="$locales")

echo "== importing $data_mb MiB into database $db"
t=$(now_ms)
(cd "$scratch" && env "${app_env[@]}" java "${jvm[@]}" -jar "$jar" import "$data" >"$scratch/import.log" 2>&1) ||
  { tail -40 "$scratch/import.log"; fail "the import failed"; }
import_ms=$(( $(now_ms) - t ))
imported=$(psql "${pg[@]}" -d "$db" -tAc "select count(*) from article")
[ "$imported" = $(( imported_articles * locale_count )) ] ||
  { tail -40 "$scratch/import.log"; fail "imported $imported rows of $(( imported_articles * locale_count ))"; }
import_rate=$(( imported_articles * 1000 / (import_ms > 0 ? import_ms : 1) ))
# The importer's own last line: "import: 840 lines in 1.8 s (457 lines/s): ... (articles: 300 created, ...)".
import_summary=$(grep -E '^import: .* lines in ' "$scratch/import.log" | tail -1 || true)
import_own=$(tr -d , <<<"$import_summary" |
  sed -nE 's/^import: ([0-9]+) lines in ([0-9.]+) s \(([0-9]+) lines\/s\).*\(articles: ([0-9]+) created.*/\4 \2 \1 \3/p' |
  awk '{printf "%d articles in %s s: %.0f articles/s as the importer counts them (%d lines in all, %d lines/s)",
    $1, $2, $1 / ($2 > 0 ? $2 : 0.1), $3, $4}')
import_own=${import_own:-the importer printed no summary}
echo "   $import_own"
echo "   $import_ms ms for the whole process, JVM start included: $import_rate articles/s"
multiply_s=""
if [ "$multiply" -gt 1 ]; then
  echo "== copying them $(( multiply - 1 )) times in SQL (bench/multiply.sql)"
  t=$(now_ms)
  psql "${pg[@]}" -d "$db" -v ON_ERROR_STOP=1 -qc "create table bench_original as select id, slug from article" >/dev/null
  for k in $(seq 1 $(( multiply - 1 ))); do
    psql "${pg[@]}" -d "$db" -v ON_ERROR_STOP=1 -q -v k="$k" -f bench/multiply.sql >/dev/null
    echo "   copy $k of $(( multiply - 1 )) after $(( ($(now_ms) - t) / 1000 )) s"
  done
  psql "${pg[@]}" -d "$db" -v ON_ERROR_STOP=1 -qc "drop table bench_original" -c "analyze" >/dev/null
  multiply_s=$(( ($(now_ms) - t) / 1000 ))
  imported=$(psql "${pg[@]}" -d "$db" -tAc "select count(*) from article")
  [ "$imported" = "$articles" ] || fail "$imported articles after copying, not $articles"
fi

[ "$response_cache" = on ] || app_env+=(HEADLINE_RESPONSE_CACHE_ENABLED=false)

# --- Start to ready -----------------------------------------------------------------------------------------------
start_app "$port" "${jvm[@]}"
java_pid=$pid
echo "== ready in $ready_ms ms (pid $java_pid)"

# --- URLs ---------------------------------------------------------------------------------------------------------
api="http://127.0.0.1:$port/api/v1"
BENCH_READ_LOCALE="$read_locale" python3 bench/urls.py "$data.meta.json" "$api" "$scratch" "$articles" "$seed" >"$scratch/urls.env" ||
  fail "could not prepare the URLs"
# shellcheck disable=SC1091 # written just above: slug_url, list_url, ..., read_query, read_param
. "$scratch/urls.env"

# --- The app's SQL, for the pgbench floors ------------------------------------------------------------------------
# The statements of one request can only be read from PostgreSQL's log. log_statement is turned on server-wide
# (ALTER SYSTEM and a reload, for about two seconds): a database's own setting would only reach the connections the
# pool opens later. Between markers, bench/pgbench.py finds a quiet window (what the app's background jobs issue, left
# out), one article by a slug no request has asked for, and list page 1 before anything asked for it (so that the
# response cache, when on, misses; page 2 first, so that the list's count is kept, as in the steady state).
psql_db=(psql "${pg[@]}" -d "$db" -XtAq -v ON_ERROR_STOP=1)
statement_log_off() {
  "${psql_db[@]}" -c "alter system reset log_statement" -c "select pg_reload_conf()" >/dev/null
  statement_log=off
}
mark() { "${psql_db[@]}" -c "select 'headline-capture $1'" >/dev/null; }
capture_statements() { # writes $scratch/pgbench/article.sql and list.sql and the table bench_slug, or returns 1
  local log from status
  log=$("${psql_db[@]}" -c "select coalesce(pg_current_logfile(), '/var/log/postgresql/postgresql-' ||
    replace(current_setting('cluster_name'), '/', '-') || '.log')") &&
    from=$("${psql_db[@]}" -c "select size from pg_stat_file('$log')") || return 1
  curl -sf -o /dev/null "$api/articles/$warm_slug$read_query" &&
    curl -sf -o /dev/null "$api/articles?size=20&page=2&include=authors,category$read_param" || return 1
  statement_log=on
  "${psql_db[@]}" -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null || return 1
  sleep 2 && mark baseline && curl -sf -o /dev/null "$api/articles/$capture_slug$read_query" && mark article &&
    curl -sf -o /dev/null "$list_url" && mark list
  status=$?
  statement_log_off
  [ "$status" -eq 0 ] &&
    "${psql_db[@]}" -c "select pg_read_file('$log', $from, (pg_stat_file('$log')).size - $from)" \
      >"$scratch/statements.log" &&
    mkdir -p "$scratch/pgbench" &&
    PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="$db" \
      python3 bench/pgbench.py "$scratch/statements.log" "$capture_slug" "$scratch/slugs.txt" "$scratch/pgbench" &&
    "${psql_db[@]}" -c "create table bench_slug (n serial primary key, slug text not null)" \
      -c "\\copy bench_slug (slug) from '$scratch/slugs.txt'"
}
echo "== the app's SQL for the pgbench floors (PostgreSQL's statement log)"
floors=""
if ! capture_statements 2>"$scratch/capture.err"; then
  reason=$(tail -1 "$scratch/capture.err")
  floors="not measured (${reason:-the statement log could not be read})"
  echo "   floors $floors"
fi
etag=$(curl -sfI --max-time 30 "$slug_url" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}' || true)
[ -n "$etag" ] || fail "no ETag on $slug_url"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$slug_url")
[ "$code" = 304 ] || fail "If-None-Match with the ETag answered $code, not 304"
for url in "$slug_url" "$list_url" "$category_url" "$cursor_url" "$search_url"; do
  code=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 30 "$url" || true)
  case "$code" in
    200\ *) echo "   ${code#* } s for one $url" ;;
    000\ *) echo "   no answer within 30 s from $url (its workload will show timeouts)" ;;
    *) fail "$url answered ${code% *}" ;;
  esac
done

# --- Workloads ----------------------------------------------------------------------------------------------------
results="$scratch/results"
: >"$results"
failed=false
# run_wrk NAME PID-to-sample URL [VAR=value ...] [-- wrk options]: one measured run, appended to $results
run_wrk() {
  local name=$1 pid=$2 url=$3
  shift 3
  local vars=() opts=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do vars+=("$1"); shift; done
  [ $# -eq 0 ] || { shift; opts=("$@"); }
  echo 0 >"$scratch/rss"
  sample_rss "$pid" "$scratch/rss" &
  sampler=$!
  env "${vars[@]}" wrk -t2 -c32 -d"${duration}s" "${opts[@]}" -s bench/wrk/bench.lua "$url" >"$scratch/wrk.out" 2>&1 || true
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  sampler=""
  local last
  last=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  [ "$last" -le "$(cat "$scratch/rss")" ] || echo "$last" >"$scratch/rss"
  record "$name" "$scratch/wrk.out" "$(cat "$scratch/rss")"
}
record() { # NAME WRK-OUTPUT RSS-KiB
  local line
  line=$(grep '^RESULT ' "$2") || { cat "$2"; fail "$1: wrk printed no result"; }
  local requests seconds p50 p95 p99 connect read write status timeout
  eval "${line#RESULT }"
  local errors=$((connect + read + write + status + timeout))
  local detail="connect $connect, read $read, write $write, timeout $timeout, status $status$(
    awk '/^STATUS / {printf " (%s: %s)", $2, $3}' "$2")"
  [ "$requests" -gt 0 ] || { errors=1; detail="no request completed"; }
  [ "$errors" -eq 0 ] || failed=true
  awk -v n="$1" -v r="$requests" -v s="$seconds" -v a="$p50" -v c="$p95" -v b="$p99" -v e="$errors" -v rss="$3" \
    -v detail="$detail" \
    'BEGIN {printf "%s\t%.0f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%s\n", n, r / s, a, c, b, e, rss / 1024, (e ? detail : "")}' \
    >>"$results"
}
# run_pgbench NAME SCRIPT: pgbench over the app's SQL for as long as a workload, appended to $results (latencies from
# its per-transaction log, as wrk's; RSS "-": the work is the database's).
run_pgbench() {
  local name="pgbench: $1" out="$scratch/pgbench.out" logs="$scratch/pgbench-log" tps failures errors detail=""
  rm -rf "$logs" && mkdir -p "$logs"
  pgbench "${pg[@]}" -n -c32 -j2 -M prepared -T "$duration" -l --log-prefix="$logs/t" -f "$2" "$db" >"$out" 2>&1 ||
    detail="pgbench: $(grep -m1 -i error "$out" || tail -1 "$out")"
  tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' "$out")
  failures=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$out")
  errors=$(( ${failures:-0} + (${#detail} > 0) ))
  [ "$errors" -eq 0 ] || failed=true
  cat "$logs"/t.* 2>/dev/null | awk '{print $3 / 1000}' | sort -n | awk -v n="$name" -v r="${tps:-0}" -v e="$errors" \
    -v detail="$detail" '
      {v[NR] = $1}
      function p(q) {return NR ? v[int((NR - 1) * q) + 1] : 0}
      END {printf "%s\t%.0f\t%.2f\t%.2f\t%.2f\t%d\t-\t%s\n", n, r, p(0.5), p(0.95), p(0.99), e, detail}' >>"$results"
}
warm() { wrk -t2 -c32 -d"${warmup}s" "$@" >/dev/null 2>&1 || true; }
read_workload() { # NAME URL [wrk options]: warm up, then measure
  local name=$1 url=$2
  shift 2
  echo "-- $name"
  warm "$@" "$url"
  run_wrk "$name" "$java_pid" "$url" -- "$@"
}

read_workload "article by slug" "$slug_url"
read_workload "article by slug, 304 (If-None-Match)" "$slug_url" -H "If-None-Match: $etag"
echo "-- article by slug, $slug_count random slugs"
run_wrk "article by slug, $slug_count random slugs" "$java_pid" "$api" BENCH_PATHS="$scratch/by-slug.txt"
read_workload "list page 1, 20, include=authors,category" "$list_url"
read_workload "list by category, include" "$category_url"
read_workload "cursor page at depth $cursor_depth" "$cursor_url"
read_workload "search q=signal" "$search_url"
if [ -z "$floors" ]; then
  echo "-- pgbench: article by slug's SQL, random slugs"
  run_pgbench "article by slug's SQL, random slugs" "$scratch/pgbench/article.sql"
  echo "-- pgbench: list page 1's SQL"
  run_pgbench "list page 1's SQL" "$scratch/pgbench/list.sql"
fi
echo "-- mixed, $mixed_count distinct URLs"
run_wrk "mixed, $mixed_count distinct URLs" "$java_pid" "$api" BENCH_PATHS="$scratch/mixed.txt"
echo "-- writes alongside reads"
# Warm the write path as the single-URL reads are warmed: a first, cold write (rendering, revisions, classes loaded)
# takes over a second even on an idle server, longer than a tiny run's whole workload.
env BENCH_WRITE=1 BENCH_TOKEN="$token" BENCH_RUN="warm$$" BENCH_CATEGORY="$write_category" BENCH_AUTHOR="$write_author" \
  wrk -t1 -c1 -d"${warmup}s" --timeout 30s -s bench/wrk/bench.lua "$api" >/dev/null 2>&1 || true
env BENCH_WRITE=1 BENCH_TOKEN="$token" BENCH_RUN=$$ BENCH_CATEGORY="$write_category" BENCH_AUTHOR="$write_author" \
  wrk -t1 -c2 -d"${duration}s" -s bench/wrk/bench.lua "$api" >"$scratch/writes.out" 2>&1 &
writer=$!
run_wrk "reads (mixed) alongside writes" "$java_pid" "$api" BENCH_PATHS="$scratch/mixed.txt" -- -c30
wait "$writer" || true
record "writes (POST, 2 connections)" "$scratch/writes.out" "$(cat "$scratch/rss")"
echo "-- creates alone"
run_wrk "creates alone (POST, 4 connections)" "$java_pid" "$api" BENCH_WRITE=1 BENCH_TOKEN="$token" BENCH_RUN="c$$" \
  BENCH_CATEGORY="$write_category" BENCH_AUTHOR="$write_author" -- -c4
final_rss=$(( $(awk '/^VmHWM/ {print $2}' "/proc/$java_pid/status") / 1024 ))

# --- nginx on the identical bytes ---------------------------------------------------------------------------------
if $with_nginx; then
  mkdir -p "$scratch/www"
  curl -sf "$slug_url" -o "$scratch/www/article.json"
  curl -sf "$list_url" -o "$scratch/www/list.json"
  start_nginx "$scratch" "$nginx_port" application/json || fail "nginx did not start"
  cmp -s "$scratch/www/article.json" <(curl -sf "127.0.0.1:$nginx_port/article.json") || fail "nginx does not serve the bytes"
  for file in article list; do
    echo "-- nginx $file.json"
    warm "http://127.0.0.1:$nginx_port/$file.json"
    run_wrk "nginx: $file.json ($(stat -c %s "$scratch/www/$file.json") bytes)" "$nginx_pid" \
      "http://127.0.0.1:$nginx_port/$file.json"
  done
fi

# --- The table ----------------------------------------------------------------------------------------------------
mkdir -p bench/results
{
  echo "Headline benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '+changes')"
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "dataset: $articles articles (seed $seed, $data_mb MiB NDJSON), generated in ${generate_s}$([ "$generate_s" = cached ] || echo ' s')"
  [ "$multiply" -eq 1 ] || echo "         $imported_articles imported, the rest copies made in SQL in $multiply_s s (--multiply $multiply)"
  [ -z "$locales" ] || echo "         each in $locale_count locales ($locales): $(( articles * locale_count )) rows; reads ask for locale=$read_locale"
  echo "import: $import_own"
  echo "        $import_ms ms, $import_rate articles/s with the JVM's start (java -jar ... import, the whole process)"
  echo "server: java ${jvm[*]} -jar quarkus-run.jar (response cache $response_cache); ready $ready_ms ms after start (loaded database); peak RSS $final_rss MiB"
  echo "wrk -t2 -c32 -d${duration}s per workload (${warmup}s warm-up before each single-URL one); writes: -t1 -c2 beside reads -t2 -c30;"
  echo "creates: -t2 -c4 alone (one article a request)"
  if [ -z "$floors" ]; then
    echo "floors: pgbench -c32 -j2 -M prepared -T$duration over the SQL the app issued for one request (bench/results/pgbench-*.sql)"
  else
    echo "floors: $floors"
  fi
  echo
  # The app's rows, then pgbench's, then nginx's; each ratio beside the app's row it belongs to.
  awk -F'\t' '
    {row[NR] = $0}
    $1 ~ /^nginx: article/ {na = $2} $1 ~ /^nginx: list/ {nl = $2}
    $1 ~ /^pgbench: article/ {pa = $2} $1 ~ /^pgbench: list/ {pl = $2}
    function line(a, b, c, d, e, f, g, h, i, j) {
      j = sprintf("%-46s %9s %9s %9s %9s %7s %8s %9s %10s", a, b, c, d, e, f, g, h, i)
      sub(/ +$/, "", j)
      print j
    }
    END {
      line("workload", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "RSS MiB", na ? "x nginx" : "", pa ? "x pgbench" : "")
      for (pass = 0; pass < 3; pass++)
        for (i = 1; i <= NR; i++) {
          split(row[i], f, "\t")
          if ((f[1] ~ /^pgbench: / ? 1 : f[1] ~ /^nginx: / ? 2 : 0) != pass) continue
          xn = xp = ""
          if (f[1] == "article by slug" && na) xn = sprintf("%.3f", f[2] / na)
          if (f[1] ~ /^list page 1/ && nl) xn = sprintf("%.3f", f[2] / nl)
          if (f[1] ~ /^article by slug, [0-9]+ random/ && pa) xp = sprintf("%.3f", f[2] / pa)
          if (f[1] ~ /^list page 1/ && pl) xp = sprintf("%.3f", f[2] / pl)
          line(f[1], f[2], f[3], f[4], f[5], f[6], f[7], xn, xp)
          if (f[8] != "") printf "    errors: %s\n", f[8]
        }
    }' "$results"
} | tee bench/results/last.txt
cp bench/results/last.txt "bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$articles.txt"
[ -n "$floors" ] || for script in article list; do
  cp "$scratch/pgbench/$script.sql" "bench/results/pgbench-$script.sql"
done
! $failed || { echo "bench: some workloads had errors (see the table)" >&2; exit 3; }
