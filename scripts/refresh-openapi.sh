#!/usr/bin/env bash
# Rewrites openapi.yaml from what a fresh build serves at /q/openapi (run after changing the API).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-18555}"
./mvnw package -DskipTests -q
work=$(mktemp -d)
(cd "$work" && exec java -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 1))" -Dheadline.demo-content=false \
  -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" >"$work/run.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "localhost:$port/q/openapi" > openapi.yaml
echo "openapi.yaml refreshed ($(wc -l < openapi.yaml) lines)"
