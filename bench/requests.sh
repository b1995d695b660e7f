#!/usr/bin/env bash
# Request timings of the delivery API on the embedded database.
#   bash bench/requests.sh [articles] [requests]
# Starts the packaged jar in a scratch directory, creates ARTICLES articles (default 500) through the API,
# then times REQUESTS sequential requests (default 200) per endpoint with curl and prints the median and
# 95th percentile latency, and the SQL statements one list page costs (from Hibernate statistics, if enabled).
set -euo pipefail
cd "$(dirname "$0")/.."
articles="${1:-500}"
requests="${2:-200}"
port="${BENCH_PORT:-18081}"
. bench/app.sh
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
start_app "$port" ${JAVA_OPTS:-}
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')

echo "creating $articles articles..."
for i in $(seq 1 "$articles"); do
  curl -sf "${auth[@]}" -X POST "$base/articles" -d "{\"title\": \"Bench article $i about harbours and sequels\",
    \"status\": \"published\", \"publishedAt\": \"2021-01-01T00:00:00Z\", \"category\": \"news\",
    \"authors\": [\"newsdesk\", \"ada-reyes\"], \"tags\": [\"bench\", \"t$((i % 10))\"],
    \"body\": \"Paragraph one of article $i.\\n\\nA second paragraph with a few more words in it.\"}" >/dev/null
done

cursor=$(curl -sf "$base/articles?size=20" | sed -E 's/.*"nextCursor":"([^"]+)".*/\1/')
time_endpoint() {
  local name=$1 url=$2
  shift 2
  for _ in $(seq 1 20); do curl -s -o /dev/null "$@" "$url"; done # warm-up
  for _ in $(seq 1 "$requests"); do curl -s -o /dev/null -w '%{time_total}\n' "$@" "$url"; done | sort -n |
    awk -v name="$name" '{t[NR]=$1} END {printf "%-44s median %6.2f ms   p95 %6.2f ms\n", name, t[int(NR/2)+1]*1000, t[int(NR*0.95)]*1000}'
}
echo "timings over $requests sequential requests each ($(nproc) cores, $((articles + 5)) published articles):"
time_endpoint "GET article by slug" "$base/articles/extraction-sequel-in-the-works"
etag=$(curl -sfI "$base/articles/extraction-sequel-in-the-works" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
time_endpoint "GET article, 304 revalidation" "$base/articles/extraction-sequel-in-the-works" -H "If-None-Match: $etag"
time_endpoint "GET list, 20 per page" "$base/articles?size=20"
time_endpoint "GET list, 100, include=authors,category" "$base/articles?size=100&include=authors,category"
time_endpoint "GET list, 20, cursor page 2, count=false" "$base/articles?size=20&count=false&cursor=$cursor"
time_endpoint "GET list, filtered by tag" "$base/articles?tag=t3&size=20"
time_endpoint "GET search q=harbours" "$base/articles?q=harbours&size=20"
time_endpoint "GET /search q=sequel" "$base/search?q=sequel"
