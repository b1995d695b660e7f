#!/usr/bin/env bash
# Runs Ghost's official Content API client (@tryghost/content-api, pinned in package-lock.json) against the packaged
# jar that the preceding `./mvnw verify` built (started by ../with-app.sh: a free port, a fresh H2 database with the demo
# content), with a content token made through the API. Exits with the node test's status.
set -euo pipefail
cd "$(dirname "$0")"
source ../with-app.sh

key=$(curl -fs -X POST "$HEADLINE_URL/api/v1/tokens" -H "Authorization: Bearer $HEADLINE_ADMIN_TOKEN" \
  -H 'Content-Type: application/json' -d '{"name": "ghost-check", "role": "content"}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')

npm ci --no-audit --no-fund --silent
GHOST_URL=$HEADLINE_URL GHOST_KEY=$key node --test ghost-check.test.mjs
