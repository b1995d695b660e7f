#!/usr/bin/env bash
# CI for the JavaScript SDK: installs from the lockfile, builds (types generated from ../../openapi.yaml), tests it
# against the packaged jar that the preceding `./mvnw verify` built (started by ../with-app.sh: a free port, a fresh H2
# database with the demo content, a random admin token), and packs it into target/. Exits with the tests' status.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
npm run --silent build

source ../with-app.sh
npm test
mkdir -p ../../target
npm pack --silent --pack-destination ../../target
