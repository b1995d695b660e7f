#!/usr/bin/env bash
# Start to ready of the packaged jar on PostgreSQL: plain `java -jar`, AppCDS and the JDK 25 AOT cache.
#   bash bench/startup-aot.sh [runs]
# Builds the jar for PostgreSQL with quarkus.package.jar.appcds.enabled (as the Dockerfile does), creates a scratch database (PGHOST, PGPORT, PGUSER; default
# 127.0.0.1:5432, postgres), migrates it with one start, then for each way of starting measures RUNS starts
# (default 5) from launch until /q/health/ready answers, as in a 1 GiB container (-XX:MaxRAM=1g), and prints
# the median. JDK 25 is taken from JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64), the default JDK from PATH.
#   AppCDS:          the archive Quarkus makes in that build (target/quarkus-app/app-cds.jsa, by the build's JDK: it
#                    runs the app with -Dquarkus.appcds.generate=true, which stops after Quarkus's static
#                    initialisation, before any socket or database connection), then
#                    java -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar
#   AOT cache:       java -XX:AOTCacheOutput=app.aot -Dquarkus.appcds.generate=true -jar quarkus-run.jar (the step
#                    the jar has from that build option; no database), then java -XX:AOTCache=app.aot -jar ... (JDK 25,
#                    JEP 483/514/515): the Dockerfile's way
#   AOT, trained:    the same, but the training run starts for real against the database, answers 200 requests and
#                    is stopped with SIGTERM (the JVM writes the cache as it exits)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
port="${BENCH_PORT:-18710}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
pg=(-h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}")
db="headline_startup_$$"
. bench/app.sh
jvm=("${container_jvm[@]}")
./mvnw -q package -DskipTests -Ppostgresql -Dquarkus.package.jar.appcds.enabled=true
jar="$PWD/target/quarkus-app/quarkus-run.jar"
archives=$(mktemp -d)
cleanup() {
  stop_app
  psql "${pg[@]}" -qc "drop database if exists $db with (force)" >/dev/null || true
  rm -rf "$archives"
}
trap cleanup EXIT
psql "${pg[@]}" -v ON_ERROR_STOP=1 -qc "create database $db" >/dev/null
app_env=("${container_env[@]}" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$db"
  QUARKUS_DATASOURCE_USERNAME="${PGUSER:-postgres}")

exercise() {
  local slug
  slug=$(curl -sf "$base/articles?size=1&fields=slug" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
  for _ in $(seq 1 50); do
    curl -sf -o /dev/null "$base/articles?size=20&include=authors,category"
    curl -sf -o /dev/null "$base/articles/$slug"
    curl -sf -o /dev/null "$base/articles?q=sequel"
    curl -sf -o /dev/null "$base/categories"
  done
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
measure() { # NAME JAVA [options...]
  local name=$1 ms=()
  app_java=$2
  shift 2
  for _ in $(seq 1 "$runs"); do start_app "$port" "${jvm[@]}" "$@"; ms+=("$ready_ms"); stop_app; done
  printf '%-56s median %6d ms   (%s)\n' "$name" "$(median "${ms[@]}")" "${ms[*]}"
}
train() { # JAVA [options...]: a run that exits by itself after Quarkus's static initialisation
  (cd "$archives" && "$@" "${jvm[@]}" -Dquarkus.appcds.generate=true -jar "$jar" >"$archives/train.log" 2>&1) ||
    { cat "$archives/train.log" >&2; exit 1; }
}

start_app "$port" "${jvm[@]}"
echo "migrated $db and loaded the demo content with a first start: $ready_ms ms"
exercise
stop_app
app_env+=(HEADLINE_DEMO_CONTENT=false)
java17=$(command -v java)
java25="$jdk25/bin/java"
echo "start to ready on PostgreSQL, $runs runs each, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg):"
measure "java -jar ($("$java17" -version 2>&1 | head -1 | cut -d'"' -f2))" "$java17"
measure "java -jar ($("$java25" -version 2>&1 | head -1 | cut -d'"' -f2))" "$java25"
measure "AppCDS, JDK 17 (Quarkus's archive of its static init)" "$java17" \
  -XX:SharedArchiveFile="$PWD/target/quarkus-app/app-cds.jsa"
train "$java25" -XX:AOTCacheOutput="$archives/static.aot"
[ -s "$archives/static.aot" ] || { echo "the training run wrote no AOT cache" >&2; exit 1; }
measure "AOT cache, JDK 25 (trained on Quarkus's static init)" "$java25" -XX:AOTCache="$archives/static.aot"
app_java=$java25
start_app "$port" "${jvm[@]}" -XX:AOTCacheOutput="$archives/trained.aot"
exercise
stop_app
[ -s "$archives/trained.aot" ] || { echo "the training run wrote no AOT cache" >&2; exit 1; }
measure "AOT cache, JDK 25 (trained: started, 200 requests)" "$java25" -XX:AOTCache="$archives/trained.aot"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
