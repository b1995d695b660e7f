#!/usr/bin/env bash
# Start-up time and memory of the packaged jar on the embedded database.
#   bash bench/startup.sh [runs]
# Builds the jar if needed, then starts it RUNS times (default 5) in a scratch directory, measuring
# the time from launch until /q/health/ready answers, and the resident memory (RSS) after 200
# requests. Prints one line per run and the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
port="${BENCH_PORT:-18080}"
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw package -DskipTests -q
jar="$PWD/$jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ready_ms=()
rss_mb=()
for i in $(seq 1 "$runs"); do
  (cd "$work" && exec java ${JAVA_OPTS:-} -Dquarkus.http.port="$port" -jar "$jar" >"$work/run.log" 2>&1) &
  pid=$!
  start=$(date +%s%N)
  until curl -sf "localhost:$port/q/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/run.log"; exit 1; }
    [ $(( $(date +%s%N) - start )) -lt 60000000000 ] || { echo "not ready after 60 s"; kill "$pid"; exit 1; }
    sleep 0.02
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  for _ in $(seq 1 100); do
    curl -sf "localhost:$port/api/v1/articles" >/dev/null
    curl -sf "localhost:$port/api/v1/articles/extraction-sequel-in-the-works" >/dev/null
  done
  java_pid=$(pgrep -f "quarkus.http.port=$port" | head -1)
  rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$java_pid/status") / 1024 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $i: ready in ${ready} ms, RSS ${rss} MiB after 200 requests"
  ready_ms+=("$ready"); rss_mb+=("$rss")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: ready in $(median "${ready_ms[@]}") ms, RSS $(median "${rss_mb[@]}") MiB (${runs} runs, $(nproc) cores)"
