# Sourced by the benchmarks that drive a running app.
#
# start_app PORT [java options...] builds the packaged jar if it is missing, starts it in a scratch directory with the
# bench token as admin token and both rate limits lifted (else a benchmark measures 429s), and waits until it is ready.
# Set app_env (an array of NAME=value) to pass more environment, app_java to use another java, management_port for
# the management interface's (metrics; any free one by default, so that instances run side by side). It sets: token, work
# (the scratch directory, with run.log), pid, base (localhost:PORT/api/v1) and ready_ms (launch to ready). The app is
# stopped and the directory removed by stop_app, which runs on exit unless the caller has an EXIT trap of its own
# (which should then call stop_app).
start_app() {
  local port="$1"
  shift
  local jar=target/quarkus-app/quarkus-run.jar
  [ -f "$jar" ] || ./mvnw package -DskipTests -q
  jar="$PWD/$jar"
  token="${token:-bench-$$}"
  work=$(mktemp -d)
  local start
  start=$(date +%s%N)
  (cd "$work" && exec env HEADLINE_ADMIN_TOKEN="$token" HEADLINE_RATE_LIMIT_ANONYMOUS=1000000000 \
    HEADLINE_RATE_LIMIT_TOKEN=1000000000 "${app_env[@]}" "${app_java:-java}" "$@" -Dquarkus.http.port="$port" \
    -Dquarkus.management.port="${management_port:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}" -jar "$jar" >"$work/run.log" 2>&1) &
  pid=$!
  [ -n "$(trap -p EXIT)" ] || trap stop_app EXIT
  until curl -sf -o /dev/null "localhost:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { tail -40 "$work/run.log" >&2; echo "the app exited before it was ready" >&2; exit 1; }
    [ $(( $(date +%s%N) - start )) -lt 180000000000 ] || { echo "the app was not ready after 180 s" >&2; exit 1; }
    sleep 0.01
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  base="localhost:$port/api/v1"
}

stop_app() {
  [ -z "${pid:-}" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  [ -z "${work:-}" ] || rm -rf "$work"
  pid=""
  work=""
}

# package_jar_for_postgresql: builds the packaged jar for PostgreSQL when it is missing, was built for H2 (no
# PostgreSQL driver), or is older than the sources.
package_jar_for_postgresql() {
  local jar=target/quarkus-app/quarkus-run.jar
  if [ ! -f "$jar" ] || ! ls target/quarkus-app/lib/main | grep -q '^org\.postgresql\.postgresql-' ||
    [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
    echo "== building the packaged jar for PostgreSQL"
    ./mvnw -q package -DskipTests -Ppostgresql
  fi
}
