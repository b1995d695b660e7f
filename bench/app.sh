# Sourced by the benchmarks that drive a running app.
#
# start_app PORT [java options...] builds the packaged jar if it is missing, starts it in a scratch directory with the
# bench token as admin token and both rate limits lifted (else a benchmark measures 429s), and waits until it is ready.
# Set app_env (an array of NAME=value) to pass more environment, app_java to use another java, management_port for
# the management interface's (metrics; any free one by default, so that instances run side by side). It sets: token, work
# (the scratch directory, with run.log), pid, base (localhost:PORT/api/v1) and ready_ms (launch to ready). The app is
# stopped and the directory removed by stop_app, which runs on exit unless the caller has an EXIT trap of its own
# (which should then call stop_app).
# As in a 1 GiB container running the image (Dockerfile): the JVM options it runs with (ops/jvm.options) and glibc's
# malloc arenas capped as the image caps them (one per core by default times eight: memory kept, none gained here).
container_jvm=(-XX:MaxRAM=1g "@$PWD/ops/jvm.options")
container_env=(MALLOC_ARENA_MAX=2)

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

# package_jar KIND [maven options...]: builds the packaged jar for the database KIND (h2, the default build, or
# postgresql, -Ppostgresql) when it is missing, was built for the other kind or by another hand, or is older than the
# sources. The kind is fixed at build time and both JDBC drivers are in either build, so the kind built is written
# beside the jar (target/quarkus-app/db-kind).
package_jar() {
  local kind=$1 jar=target/quarkus-app/quarkus-run.jar marker=target/quarkus-app/db-kind
  shift
  if [ ! -f "$jar" ] || [ "$(cat "$marker" 2>/dev/null)" != "$kind" ] ||
    [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
    echo "== building the packaged jar for $kind"
    rm -f "$marker"
    ./mvnw -q package -DskipTests "$@"
    echo "$kind" >"$marker"
  fi
}

package_jar_for_postgresql() {
  package_jar postgresql -Ppostgresql
}

package_jar_for_h2() {
  package_jar h2
}

# nginx_binary: prints nginx's path (it lives in /usr/sbin, often not on a user's PATH), or nothing.
nginx_binary() {
  command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true
}

# install_missing COMMAND=PACKAGE...: installs with apt-get the Debian packages whose command is missing, e.g.
# install_missing wrk=wrk nginx=nginx-light.
install_missing() {
  local missing=() pair found
  for pair in "$@"; do
    if [ "${pair%%=*}" = nginx ]; then found=$(nginx_binary); else found=$(command -v "${pair%%=*}" || true); fi
    [ -n "$found" ] || missing+=("${pair#*=}")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "== installing ${missing[*]} (Debian packages)"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# sample_rss PID FILE: the highest VmRSS of PID, in KiB, rewritten to FILE every 0.1 s until PID ends (or the sampler
# is killed).
sample_rss() {
  local max=0 rss
  while rss=$(awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null) && [ -n "$rss" ]; do
    # Renamed into place: killed between truncating and writing, the file would be left empty.
    [ "$rss" -le "$max" ] || { max=$rss; echo "$max" >"$2.new" && mv "$2.new" "$2"; }
    sleep 0.1
  done
}

# start_nginx DIR PORT TYPE: starts nginx from a scratch configuration (DIR/nginx) serving the files of DIR/www on
# 127.0.0.1:PORT as TYPE, and waits until it answers. It sets nginx_pid; stop_nginx stops it.
start_nginx() {
  local dir=$1 port=$2 type=$3 bin
  bin=$(nginx_binary)
  [ -n "$bin" ] || { echo "nginx is not installed" >&2; return 1; }
  mkdir -p "$dir/www" "$dir/nginx"
  chmod 755 "$dir" "$dir/www" # nginx's workers read the files as another user
  find "$dir/www" -type f -exec chmod 644 {} +
  cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { }
  default_type $type;
  server {
    listen 127.0.0.1:$port;
    root $dir/www;
  }
}
CONF
  "$bin" -c "$dir/nginx/nginx.conf" -p "$dir/nginx" &
  nginx_pid=$!
  local _
  for _ in $(seq 1 100); do curl -s -o /dev/null "127.0.0.1:$port/" && return 0; sleep 0.05; done
  echo "nginx did not answer on port $port" >&2
  return 1
}

stop_nginx() {
  [ -z "${nginx_pid:-}" ] || { kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null || true; }
  nginx_pid=""
}
