#!/usr/bin/env bash
# The generated Java client round trip: openapi-generator (Maven plugin, java/native, Jakarta EE) makes a client from
# openapi.yaml into target/, and GeneratedClientTests drives it, unedited, against the packaged jar (clients/with-app.sh:
# fresh H2, demo content) or against HEADLINE_URL with HEADLINE_ADMIN_TOKEN when both are set. Needs a built jar
# (./mvnw verify or package first); the generator plugin comes from Maven Central on the first run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
started=$SECONDS
if [ -z "${HEADLINE_URL:-}" ] || [ -z "${HEADLINE_ADMIN_TOKEN:-}" ]; then
  source "$here/../with-app.sh"
  echo "java-client: server on $HEADLINE_URL ($((SECONDS - started)) s)"
fi
"$root/mvnw" -q -B -f "$here/pom.xml" clean test
tests=$(cat "$here"/target/surefire-reports/TEST-*.xml | grep -o '<testcase name="[^"]*"' | cut -d'"' -f2)
echo "java-client: client generated from openapi.yaml and compiled; $(echo "$tests" | wc -l) tests passed against" \
  "$HEADLINE_URL in $((SECONDS - started)) s:"
echo "$tests" | sed 's/^/  /'
