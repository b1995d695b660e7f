#!/usr/bin/env bash
# Peak heap under the largest reads an anonymous caller can ask for, on the embedded database.
#   bash bench/memory.sh [articles] [rounds]
# Starts the packaged jar with a bounded heap (JAVA_OPTS, default -Xmx256m) in a scratch directory, creates
# ARTICLES published articles (default 25) with ~900 KB bodies through the API, then runs 6 concurrent loops of
# ROUNDS (default 20) GET /api/v1/articles?size=100&fields=body,bodyHtml,bodyText (and a search in the same shape),
# sampling the used heap (Micrometer, /q/metrics on the management interface, port BENCH_PORT + 1) meanwhile. Prints
# the peak heap, the status codes seen, and whether the process logged an OutOfMemoryError.
set -euo pipefail
cd "$(dirname "$0")/.."
articles="${1:-25}"
rounds="${2:-20}"
port="${BENCH_PORT:-18082}"
management_port=$((port + 1))
. bench/app.sh
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
start_app "$port" ${JAVA_OPTS:--Xmx256m}

echo "creating $articles articles with ~900 KB bodies..."
python3 - "$work/article.json" <<'PY'
import json, sys
body = "\n\n".join("Paragraph %d of a very long article about *harbours*, [links](https://example.com/%d) and words." % (i, i)
                   for i in range(9000))[:900_000]
json.dump({"title": "Memory bench", "status": "published", "category": "news", "authors": ["newsdesk"],
           "tags": ["memory-bench"], "body": body}, open(sys.argv[1], "w"))
PY
for _ in $(seq 1 "$articles"); do
  curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -X POST "$base/articles" \
    --data-binary @"$work/article.json" -o /dev/null
done

heap() {
  curl -s "localhost:$management_port/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {printf "%d\n", sum}'
}
: >"$work/heap"
(while kill -0 $pid 2>/dev/null; do heap >>"$work/heap"; sleep 0.2; done) &
sampler=$!

echo "6 concurrent loops of $rounds largest reads each..."
start=$(date +%s)
loops=()
for c in $(seq 1 6); do
  (for r in $(seq 1 "$rounds"); do
    if (( (c + r) % 2 )); then url="$base/articles?tag=memory-bench&size=100&fields=body,bodyHtml,bodyText"
    else url="$base/articles?q=harbours&size=100&fields=body,bodyHtml,bodyText"; fi
    curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H 'Accept-Encoding: identity' "$url"
  done >"$work/codes.$c") &
  loops+=($!)
done
wait "${loops[@]}"
elapsed=$(( $(date +%s) - start ))
kill $sampler 2>/dev/null || true

echo "heap max (-Xmx): $(java ${JAVA_OPTS:--Xmx256m} -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2=="MaxHeapSize" {printf "%d MiB", $4/1048576}')"
echo "peak heap used:  $(sort -n "$work/heap" | tail -1 | awk '{printf "%d MiB", $1/1048576}') (sampled every 0.2 s)"
echo "responses:       $(cat "$work"/codes.* | awk '{print $1}' | sort | uniq -c | tr -s ' ' | tr '\n' ' ')in ${elapsed}s"
echo "largest body:    $(cat "$work"/codes.* | awk '{print $2}' | sort -n | tail -1 | awk '{printf "%.1f MB", $1/1e6}')"
echo "OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$work/run.log" || true)"
