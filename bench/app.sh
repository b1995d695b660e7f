# Sourced by the benchmarks that drive a running app. start_app PORT [java options...] builds the packaged jar if
# it is missing, starts it in a scratch directory with the bench token as admin token and both rate limits lifted
# (else a benchmark measures 429s), waits until it is ready, and stops it and removes the directory on exit.
# It sets: token, work (the scratch directory, with run.log), pid, base (localhost:PORT/api/v1).
start_app() {
  local port="$1"
  shift
  local jar=target/quarkus-app/quarkus-run.jar
  [ -f "$jar" ] || ./mvnw package -DskipTests -q
  jar="$PWD/$jar"
  token="bench-$$"
  work=$(mktemp -d)
  (cd "$work" && exec env HEADLINE_ADMIN_TOKEN="$token" HEADLINE_RATE_LIMIT_ANONYMOUS=100000000 \
    HEADLINE_RATE_LIMIT_TOKEN=100000000 java "$@" -Dquarkus.http.port="$port" -jar "$jar" >"$work/run.log" 2>&1) &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 240); do curl -sf "localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
  base="localhost:$port/api/v1"
}
