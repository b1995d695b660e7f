#!/usr/bin/env bash
# CI for the JavaScript SDK: installs from the lockfile, builds (types generated from ../../openapi.yaml), tests it
# against the packaged jar that the preceding `./mvnw verify` built (started by ../with-app.sh: a free port, a fresh H2
# database with the demo content, a random admin token, locales en and de), and packs it into target/. Exits with the tests' status.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
npm run --silent build

# Two locales, so that the SDK's locale option is tried against a server that has translations.
export HEADLINE_LOCALES=en,de
source ../with-app.sh
npm test
mkdir -p ../../target
npm pack --silent --pack-destination ../../target
