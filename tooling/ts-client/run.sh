#!/usr/bin/env bash
# The strict TypeScript client program: types generated from openapi.yaml by openapi-typescript, compiled by tsc with
# --strict (tsconfig.json), run with node through openapi-fetch. Against HEADLINE_URL with HEADLINE_ADMIN_TOKEN when
# set; else it starts the packaged jar (target/quarkus-app, with its demo content) on PORT in a scratch directory.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
rm -rf ts-client/target
npx --no-install openapi-typescript ../openapi.yaml -o ts-client/target/headline.d.ts
npx --no-install tsc -p ts-client

if [ -z "${HEADLINE_URL:-}" ]; then
  port="${PORT:-18557}"
  export HEADLINE_URL="http://localhost:$port" HEADLINE_ADMIN_TOKEN="ts-client-$$"
  work=$(mktemp -d)
  (cd "$work" && exec java -Dquarkus.http.port="$port" -jar "$OLDPWD/../target/quarkus-app/quarkus-run.jar" \
    >"$work/run.log" 2>&1) &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 120); do curl -sf "$HEADLINE_URL/q/health/ready" >/dev/null && break; sleep 0.5; done
fi
node ts-client/target/js/main.mjs
