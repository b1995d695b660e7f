#!/usr/bin/env bash
# CI for the example front end: builds the SDK it imports, then drives the site in headless Chromium (Debian's, installed
# when missing; playwright-core pinned in package-lock.json) against the packaged jar that the preceding `./mvnw verify`
# built (started by ../../clients/with-app.sh). The site is served on another port, so it is another origin, and the
# API's CORS admits that origin only. Screenshots go to target/. Exits with the tests' status.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x /usr/bin/chromium ]; then
  echo "== web example: installing Debian's chromium"
  sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -q && $sudo apt-get install -y -q chromium || {
    echo "web example: /usr/bin/chromium is missing and could not be installed (apt-get install chromium, as root)" >&2
    exit 1
  }
fi
(cd ../../clients/js && npm ci --no-audit --no-fund --silent && npm run --silent build)
npm ci --no-audit --no-fund --silent

WEB_PORT=${WEB_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
export WEB_PORT QUARKUS_HTTP_CORS_ORIGINS=http://127.0.0.1:$WEB_PORT
# Two locales, so that the language switch and the hreflang links have translations to show.
export HEADLINE_LOCALES=en,de
source ../../clients/with-app.sh
npm test
