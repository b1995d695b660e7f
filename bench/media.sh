#!/usr/bin/env bash
# The media library's benchmark: one command, from a fresh clone.
#   bash bench/media.sh [--duration S] [--tiny]
# Installs wrk and nginx-light (and libvips-tools) from Debian's packages when missing, builds the packaged jar for the
# embedded database (H2: each file request reads one row, in-process) when it is missing, built for PostgreSQL or
# older than the sources, makes photo-like test JPEGs with vips (kept under target/bench-data/media/), starts the jar
# as in a 1 GiB container (-XX:MaxRAM=1g; JAVA_OPTS adds options) with demo content off, a scratch media directory and
# headline.media.public-all on, and measures:
#   1. a stored rendition (?w=640&format=webp of a 4000x3000 JPEG): wrk -t2 -c32 for S seconds (default 10) against
#      the app and against nginx serving the identical bytes from a file; the ratio app/nginx (target >= 0.8);
#   2. the first request of ?w=640&format=webp for 5 other 4000x3000 JPEGs, each and the median (target <= 150 ms);
#   3. a burst of 50 concurrent first requests for different renditions (widths x webp/avif/jpeg/png) of 6 8000x6000
#      JPEGs: the 200s and 503s (each 503 must carry Retry-After), the server's peak RSS (target < 400 MB), and
#      whether /q/health/ready answers 200 afterwards.
# --tiny (CI): 2-second wrk runs and smaller images (1600x1200, burst 3200x2400), about a minute.
# Prints a table, also written to bench/results/media-last.txt (and a dated copy). Targets missed are reported, not
# failed. Exits 3 when every step ran but a result was wrong (a wrk error, a status other than 200/503 in the burst, a
# 503 without Retry-After, not ready after the burst), and 1 (or another non-zero status) when a step failed.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=""
tiny=false
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --tiny) tiny=true; shift ;;
    -h | --help) sed -n '2,19p' "$0" | cut -c3-; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if $tiny; then
  duration="${duration:-2}"
  small=(1600 1200) large=(3200 2400)
else
  small=(4000 3000) large=(8000 6000)
fi
duration="${duration:-10}"
# The JIT needs some ten seconds of this load to settle (3 s gave 17,600 req/s, 10 s about 35,000 on a quiet machine).
warmup=$(( duration < 6 ? 1 : duration ))
burst=50
port="${BENCH_PORT:-18710}"
nginx_port="${BENCH_NGINX_PORT:-18711}"
. bench/app.sh
jvm=("${container_jvm[@]}")
# shellcheck disable=SC2206 # JAVA_OPTS holds several options
jvm+=(${JAVA_OPTS:-})
token="bench-$$-$RANDOM"

scratch=$(mktemp -d)
chmod 755 "$scratch"
sampler=""
cleanup() {
  set +e
  [ -z "$sampler" ] || kill "$sampler" 2>/dev/null
  stop_nginx
  stop_app
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "bench: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
fail() { echo "bench: $*" >&2; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
failed=false
problem() { echo "   PROBLEM: $*" >&2; problems+=("$*"); failed=true; }
problems=()

# --- Tools and the jar --------------------------------------------------------------------------------------------
install_missing wrk=wrk nginx=nginx-light vips=libvips-tools
command -v python3 >/dev/null || fail "python3 is needed"
package_jar_for_h2

# --- Test images --------------------------------------------------------------------------------------------------
# A photo-like base per size (a smooth colour field of sines per band, a zone plate and Gaussian noise, which no
# encoder shrinks to nothing), made once; each image is the base with its own per-band gain and offset, so every file
# has different bytes but the same decoding cost. 4000x3000 at Q=85 is about 3.5 MB, 8000x6000 at Q=80 about 11 MB
# (uploads are limited to 20 MiB and 50 megapixels).
images="$PWD/target/bench-data/media"
mkdir -p "$images"
make_base() { # W H OUT.v
  local d
  d=$(mktemp -d -p "$scratch")
  vips zone "$d/z.v" "$1" "$2"
  vips linear "$d/z.v" "$d/zl.v" 12 0
  for b in 0 1 2; do
    vips sines "$d/s.v" "$1" "$2" --hfreq $(( b + 2 )).$b --vfreq $(( b + 1 )).7
    vips linear "$d/s.v" "$d/sl.v" 70 $(( 100 + 20 * b ))
    vips gaussnoise "$d/n.v" "$1" "$2" --sigma 12 --mean 0 --seed $(( b + 1 ))
    vips add "$d/sl.v" "$d/n.v" "$d/a.v"
    vips add "$d/a.v" "$d/zl.v" "$d/b$b.v"
  done
  vips bandjoin "$d/b0.v $d/b1.v $d/b2.v" "$d/c.v"
  vips cast "$d/c.v" "$3" uchar
  rm -rf "$d"
}
# image W H Q K: prints the path of image K of that size, made when missing (or older than this script)
image() {
  local w=$1 h=$2 q=$3 k=$4 out base
  out="$images/${w}x$2-q$3-$4.jpg"
  if [ ! -s "$out" ] || [ bench/media.sh -nt "$out" ]; then
    base="$scratch/base-${w}x$h.v"
    [ -s "$base" ] || make_base "$w" "$h" "$base"
    vips linear "$base" "$out.tmp.jpg[Q=$q]" "0.$(( 80 + k * 3 )) 0.$(( 95 - k * 4 )) 0.$(( 85 + k ))" \
      "$(( k * 7 )) $(( 20 - k * 3 )) $(( k * 5 ))" --uchar
    mv "$out.tmp.jpg" "$out"
  fi
  echo "$out"
}
echo "== test images (${small[0]}x${small[1]} Q=85, ${large[0]}x${large[1]} Q=80; target/bench-data/media)"
t=$(now_ms)
small_files=() large_files=()
for k in 0 1 2 3 4 5; do small_files+=("$(image "${small[@]}" 85 "$k")"); done
for k in 0 1 2 3 4 5; do large_files+=("$(image "${large[@]}" 80 "$k")"); done
images_s=$(awk -v ms=$(( $(now_ms) - t )) 'BEGIN {printf "%.1f", ms / 1000}')
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.1f", b / 1048576}'; }
for f in "${large_files[@]}"; do
  [ "$(stat -c %s "$f")" -lt 20971520 ] || fail "$f is 20 MiB or more: the server would refuse it"
done

# --- The app ------------------------------------------------------------------------------------------------------
app_env=("${container_env[@]}" HEADLINE_DEMO_CONTENT=false HEADLINE_MEDIA_PUBLIC_ALL=true HEADLINE_MEDIA_DIRECTORY="$scratch/media")
start_app "$port" "${jvm[@]}"
java_pid=$pid
transforms=$(nproc)
echo "== ready in $ready_ms ms (pid $java_pid; H2; media in $scratch/media; transforms at once: the cores, $transforms)"
api="http://127.0.0.1:$port/api/v1"

# upload FILE: prints the file's URL path (/api/v1/media/{id}/{version}.jpg)
upload() {
  local out code
  out=$(curl -s -w '\n%{http_code}' -X POST "$api/media" -H "Authorization: Bearer $token" \
    -H 'Content-Type: image/jpeg' -H "Content-Disposition: attachment; filename=\"$(basename "$1")\"" \
    --data-binary "@$1") || fail "could not upload $1"
  code=${out##*$'\n'}
  [ "$code" = 201 ] || fail "uploading $1 answered $code: ${out%$'\n'*}"
  python3 -c 'import json, sys; print(json.loads(sys.argv[1])["url"])' "${out%$'\n'*}"
}
echo "== uploading $(( ${#small_files[@]} + ${#large_files[@]} )) images"
small_urls=() large_urls=()
for f in "${small_files[@]}"; do small_urls+=("$(upload "$f")"); done
for f in "${large_files[@]}"; do large_urls+=("$(upload "$f")"); done

# --- 1. Stored rendition: app against nginx ------------------------------------------------------------------------
results="$scratch/results"
: >"$results"
run_wrk() { # NAME PID URL: a warm-up, then one measured run; prints requests/s, appends the row to $results
  local name=$1 pid=$2 url=$3 line requests seconds p50 p95 p99 connect read write status timeout
  wrk -t2 -c32 -d"${warmup}s" "$url" >/dev/null 2>&1 || true
  echo 0 >"$scratch/rss"
  sample_rss "$pid" "$scratch/rss" &
  sampler=$!
  wrk -t2 -c32 -d"${duration}s" -s bench/wrk/bench.lua "$url" >"$scratch/wrk.out" 2>&1 || true
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  sampler=""
  line=$(grep '^RESULT ' "$scratch/wrk.out") || { cat "$scratch/wrk.out"; fail "$name: wrk printed no result"; }
  eval "${line#RESULT }"
  local errors=$((connect + read + write + status + timeout))
  [ "$requests" -gt 0 ] || errors=1
  [ "$errors" -eq 0 ] || problem "$name: $errors errors (connect $connect, read $read, write $write, timeout $timeout, status $status$(awk '/^STATUS / {printf " (%s: %s)", $2, $3}' "$scratch/wrk.out"))"
  awk -v n="$name" -v r="$requests" -v s="$seconds" -v a="$p50" -v b="$p99" -v e="$errors" -v rss="$(cat "$scratch/rss")" \
    'BEGIN {printf "%s\t%.0f\t%.2f\t%.2f\t%d\t%d\n", n, r / s, a, b, e, rss / 1024}' >>"$results"
}
url="${small_urls[0]}?w=640&format=webp"
code=$(curl -s -o "$scratch/first.webp" -w '%{http_code}' "http://127.0.0.1:$port$url")
[ "$code" = 200 ] || fail "$url answered $code"
id_version=${small_urls[0]#/api/v1/media/}
id_version=${id_version%.jpg}
stored="$scratch/media/renditions/$id_version/w640-h0-inside-q80.webp"
[ -f "$stored" ] || fail "the rendition is not stored at $stored"
cmp -s "$stored" "$scratch/first.webp" || fail "the app did not serve the stored rendition's bytes"
mkdir -p "$scratch/nginx-site/www"
cp "$scratch/first.webp" "$scratch/nginx-site/www/r.webp"
start_nginx "$scratch/nginx-site" "$nginx_port" image/webp || fail "nginx did not start"
cmp -s "$scratch/first.webp" <(curl -sf "127.0.0.1:$nginx_port/r.webp") || fail "nginx does not serve the same bytes"
rendition_bytes=$(stat -c %s "$scratch/first.webp")
echo "-- 1. stored rendition, $rendition_bytes bytes: app"
run_wrk "app: stored rendition" "$java_pid" "http://127.0.0.1:$port$url"
echo "-- 1. the same bytes from nginx"
run_wrk "nginx: the same file" "$nginx_pid" "http://127.0.0.1:$nginx_port/r.webp"
stop_nginx
app_rps=$(awk -F'\t' 'NR == 1 {print $2}' "$results")
nginx_rps=$(awk -F'\t' 'NR == 2 {print $2}' "$results")
ratio=$(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN {printf "%.3f", (n > 0 ? a / n : 0)}')

# --- 2. First rendition latency -------------------------------------------------------------------------------------
echo "-- 2. first ?w=640&format=webp of 5 other images"
first_ms=()
for u in "${small_urls[@]:1:5}"; do
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 "http://127.0.0.1:$port$u?w=640&format=webp")
  [ "${out% *}" = 200 ] || fail "$u?w=640&format=webp answered ${out% *}"
  first_ms+=("$(awk -v s="${out#* }" 'BEGIN {printf "%.0f", s * 1000}')")
done
median_ms=$(printf '%s\n' "${first_ms[@]}" | sort -n | sed -n 3p)

# --- 3. Burst of first requests ---------------------------------------------------------------------------------------
# Request i asks for image i mod 6, width i mod 7, format i mod 4: 50 different renditions (6, 7 and 4 give
# 84 distinct triples before one repeats).
widths=(160 320 640 960 1280 1920 2560)
formats=(webp avif jpeg png)
for i in $(seq 0 $(( burst - 1 ))); do
  echo "http://127.0.0.1:$port${large_urls[i % 6]}?w=${widths[i % 7]}&format=${formats[i % 4]}"
done >"$scratch/burst.txt"
[ "$(sort -u "$scratch/burst.txt" | wc -l)" = "$burst" ] || fail "the burst's URLs are not all different"
echo "-- 3. burst: $burst concurrent first requests for different renditions of 6 ${large[0]}x${large[1]} JPEGs"
sample_both() { # the JVM's peak RSS and the peak of the JVM's with its vips children's, in KiB, every 0.1 s
  local max=0 all=0 rss sum
  while rss=$(ps -o rss= -p "$java_pid" | tr -d ' ') && [ -n "$rss" ]; do
    sum=$(( rss + $({ ps -o rss= --ppid "$java_pid" || true; } | awk '{s += $1} END {print s + 0}') ))
    [ "$rss" -le "$max" ] || max=$rss
    [ "$sum" -le "$all" ] || all=$sum
    echo "$max $all" >"$scratch/burst-rss"
    sleep 0.1
  done
}
rss_before=$(ps -o rss= -p "$java_pid" | tr -d ' ')
echo "$rss_before $rss_before" >"$scratch/burst-rss"
sample_both &
sampler=$!
t=$(now_ms)
# Each line: status, seconds, [Retry-After], URL.
xargs -P "$burst" -I{} curl -s -o /dev/null --max-time 120 -w '%{http_code} %{time_total} [%header{retry-after}] {}\n' '{}' \
  <"$scratch/burst.txt" >"$scratch/burst.out" || true
burst_ms=$(( $(now_ms) - t ))
sleep 0.2
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=""
read -r peak_rss peak_all <"$scratch/burst-rss"
peak_mb=$(( peak_rss / 1024 ))
peak_all_mb=$(( peak_all / 1024 ))
ready=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "localhost:$port/q/health/ready" || true)
answered=$(wc -l <"$scratch/burst.out")
ok=$(awk '$1 == 200' "$scratch/burst.out" | wc -l)
busy=$(awk '$1 == 503' "$scratch/burst.out" | wc -l)
busy_retry=$(awk '$1 == 503 && $3 ~ /^\[[0-9]+\]$/' "$scratch/burst.out" | wc -l)
other=$(( burst - ok - busy ))
ok_max=$(awk '$1 == 200 && $2 > m {m = $2} END {printf "%.0f", m * 1000}' "$scratch/burst.out")
[ "$answered" = "$burst" ] || problem "the burst recorded $answered answers of $burst"
[ "$other" -eq 0 ] || problem "$other burst answers were neither 200 nor 503: $(awk '$1 != 200 && $1 != 503 {print $1}' "$scratch/burst.out" | sort | uniq -c | tr -s ' \n' ' ')"
[ "$busy_retry" = "$busy" ] || problem "$(( busy - busy_retry )) of the $busy 503s had no Retry-After"
[ "$ready" = 200 ] || problem "/q/health/ready answered $ready after the burst"
retry_values=$(awk '$1 == 503 {gsub(/[][]/, "", $3); print $3}' "$scratch/burst.out" | sort | uniq -c | awk '{printf "%s%s x %s s", (NR > 1 ? ", " : ""), $1, $2}')

# --- The table ----------------------------------------------------------------------------------------------------
met() { if [ "$1" = 1 ]; then echo met; else echo "NOT met"; fi; }
mkdir -p bench/results
{
  echo "Headline media benchmark$($tiny && echo ' (--tiny)'), $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '+changes')"
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(vips --version); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "server: java ${jvm[*]} -jar quarkus-run.jar (H2), ready in $ready_ms ms; $transforms transforms at once (the cores), transform-wait 2 s"
  echo "images: ${small[0]}x${small[1]} JPEG Q=85 ($(mb "${small_files[0]}") MB), ${large[0]}x${large[1]} Q=80 ($(mb "${large_files[0]}") MB); made or found in $images_s s"
  echo
  echo "1. stored rendition ?w=640&format=webp ($rendition_bytes bytes), wrk -t2 -c32 -d${duration}s after ${warmup}s warm-up"
  awk -F'\t' '{printf "   %-24s %9s req/s   p50 %6s ms   p99 %6s ms   errors %s   peak RSS %s MiB\n", $1, $2, $3, $4, $5, $6}' "$results"
  echo "   app/nginx: $ratio   (target >= 0.8: $(met "$(awk -v r="$ratio" 'BEGIN {print (r >= 0.8)}')"))"
  echo
  echo "2. first rendition ?w=640&format=webp of 5 ${small[0]}x${small[1]} JPEGs (curl time_total)"
  echo "   each: ${first_ms[*]} ms"
  echo "   median: $median_ms ms   (target <= 150 ms: $(met "$(( median_ms <= 150 ))"))"
  echo
  echo "3. burst: $burst concurrent first requests, different renditions (w 160-2560 x webp/avif/jpeg/png) of 6 ${large[0]}x${large[1]} JPEGs"
  echo "   200: $ok (slowest $ok_max ms)   503: $busy   other: $other   all answered in $burst_ms ms"
  echo "   503s with Retry-After: $busy_retry of $busy${retry_values:+ ($retry_values)}"
  echo "   peak RSS of the JVM: $peak_mb MB (before the burst $(( rss_before / 1024 )) MB)   (target < 400 MB: $(met "$(( peak_mb < 400 ))"))"
  echo "   peak RSS of the JVM with its vips processes: $peak_all_mb MB"
  echo "   /q/health/ready after the burst: $ready"
  [ ${#problems[@]} -eq 0 ] || { echo; printf 'PROBLEM: %s\n' "${problems[@]}"; }
} | tee bench/results/media-last.txt
cp bench/results/media-last.txt "bench/results/$(date -u +%Y%m%dT%H%M%SZ)-media$($tiny && echo -tiny).txt"
! $failed || { echo "bench: some results were wrong (see PROBLEM)" >&2; exit 3; }
