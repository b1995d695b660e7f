#!/usr/bin/env bash
# Runs Ghost's official Content API client (@tryghost/content-api, pinned in package-lock.json) against the packaged
# jar that the preceding `./mvnw verify` built: on a free port, with a fresh H2 database and the demo content, and a
# content token made through the API. Builds nothing itself. Exits with the node test's status.
set -euo pipefail
cd "$(dirname "$0")"
jar=../../target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "ghost-check: $jar is missing; run ./mvnw verify (or package) first" >&2; exit 2; }

port=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
work=$(mktemp -d)
admin=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
pid=
# Stops the server and keeps the status the script ends with (not the killed server's).
cleanup() {
  local status=$?
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

QUARKUS_HTTP_PORT=$port HEADLINE_ADMIN_TOKEN=$admin HEADLINE_DEMO_CONTENT=true \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$work/headline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0" \
  java -jar "$jar" > "$work/server.log" 2>&1 &
pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 1 120); do
  curl -fs "$base/q/health/ready" > /dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "ghost-check: the server did not start" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$base/q/health/ready" > /dev/null || { cat "$work/server.log" >&2; echo "ghost-check: not ready" >&2; exit 1; }

key=$(curl -fs -X POST "$base/api/v1/tokens" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"name": "ghost-check", "role": "content"}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')

npm ci --no-audit --no-fund --silent
GHOST_URL=$base GHOST_KEY=$key node --test ghost-check.test.mjs
