# Sourced by the clients' run.sh scripts (`source ../with-app.sh`): starts the packaged jar that the preceding
# `./mvnw verify` (or package) built, target/quarkus-app/quarkus-run.jar, on a free port (or $PORT) with a fresh H2
# database, the demo content and a random admin token; sets HEADLINE_URL and HEADLINE_ADMIN_TOKEN for the rest of the
# script, and stops the server when the script exits, which keeps the script's status. Builds nothing itself.
# QUARKUS_* and HEADLINE_* variables the caller exports reach the server (e.g. QUARKUS_HTTP_CORS_ORIGINS).
set -euo pipefail
_app_jar=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/quarkus-app/quarkus-run.jar
[ -f "$_app_jar" ] || { echo "with-app: $_app_jar is missing; run ./mvnw verify (or package) first" >&2; exit 2; }

_app_port=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
_app_work=$(mktemp -d)
_app_pid=
# Stops the server and keeps the status the script ends with (not the killed server's).
_app_stop() {
  local status=$?
  if [ -n "$_app_pid" ]; then
    kill "$_app_pid" 2>/dev/null || true
    wait "$_app_pid" 2>/dev/null || true
  fi
  rm -rf "$_app_work"
  exit "$status"
}
trap _app_stop EXIT

HEADLINE_ADMIN_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
# Any free management port (metrics), so that the server starts beside another instance. Not 0: Quarkus 3.36 leaves a
# jar whose management port is 0 half-started (its start never completes, so SIGTERM never ends it).
_app_management_port=${QUARKUS_MANAGEMENT_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
QUARKUS_HTTP_PORT=$_app_port QUARKUS_MANAGEMENT_PORT=$_app_management_port \
HEADLINE_ADMIN_TOKEN=$HEADLINE_ADMIN_TOKEN HEADLINE_DEMO_CONTENT=true HEADLINE_MEDIA_DIRECTORY="$_app_work/media" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$_app_work/headline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0" \
  java -jar "$_app_jar" > "$_app_work/server.log" 2>&1 &
_app_pid=$!
HEADLINE_URL=http://127.0.0.1:$_app_port
for _ in $(seq 1 120); do
  curl -fs "$HEADLINE_URL/q/health/ready" > /dev/null && break
  kill -0 "$_app_pid" 2>/dev/null || { cat "$_app_work/server.log" >&2; echo "with-app: the server did not start" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$HEADLINE_URL/q/health/ready" > /dev/null || { cat "$_app_work/server.log" >&2; echo "with-app: not ready" >&2; exit 1; }
export HEADLINE_URL HEADLINE_ADMIN_TOKEN
