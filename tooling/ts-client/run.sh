#!/usr/bin/env bash
# The strict TypeScript client program: types generated from openapi.yaml by openapi-typescript, compiled by tsc with
# --strict (tsconfig.json), run with node through openapi-fetch. Against HEADLINE_URL with HEADLINE_ADMIN_TOKEN when
# set; else it starts the packaged jar with its demo content (clients/with-app.sh: fresh H2, on PORT or a free port).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
rm -rf ts-client/target
npx --no-install openapi-typescript ../openapi.yaml -o ts-client/target/headline.d.ts
npx --no-install tsc -p ts-client

if [ -z "${HEADLINE_URL:-}" ]; then
  source ../clients/with-app.sh
fi
node ts-client/target/js/main.mjs
