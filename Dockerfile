# Builds Headline from source and runs it on a JRE as a non-root user. It starts without demo content (set
# HEADLINE_DEMO_CONTENT=true for it) and stops gracefully: give `docker stop` more than the 30 s that requests in
# flight may take (docker stop -t 35, or docker run --stop-timeout 35). The API, health and the contract are on 8080;
# Prometheus metrics on the management interface, 9000 (/q/metrics): publish or route 9000 to the monitoring network
# only, never to the public.
# The image is built for PostgreSQL, the production database:
#   docker build -t headline .
#   docker run -p 8080:8080 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/headline \
#     -e QUARKUS_DATASOURCE_USERNAME=headline -e QUARKUS_DATASOURCE_PASSWORD=... \
#     -e HEADLINE_ADMIN_TOKEN=... headline
# DB_KIND=h2 builds the embedded flavour, whose database lives in /app/data (keep it on a volume):
#   docker build --build-arg DB_KIND=h2 -t headline-h2 .
#   docker run -p 8080:8080 -v headline-data:/app/data -e HEADLINE_ADMIN_TOKEN=... headline-h2

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY openapi.yaml ./
ARG DB_KIND=postgresql
# The Maven repository is a BuildKit cache (Docker 23 or newer builds with BuildKit), kept between builds, so a
# source change does not download the dependencies again; a download that fails fails the build (no separate resolve
# step: the Quarkus plugin resolves part of what it needs only while it builds).
# appcds.enabled builds in the step that stops the app after Quarkus's static initialisation when it runs with
# -Dquarkus.appcds.generate=true (the AOT training run below); the AppCDS archive it also makes belongs to this JDK.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B package -DskipTests -Ddb.kind=${DB_KIND} -Dquarkus.package.jar.appcds.enabled=true \
    && rm -f target/quarkus-app/app-cds.jsa

# Runs on JDK 25 for its AOT cache (JEP 483/514/515): classes loaded, linked and profiled in a training run start
# ready-made (bench/startup-aot.sh measures it against plain java -jar). The cache belongs to this exact JVM and class
# path, so it is made here, in the image that runs it. The training run needs no database: with
# quarkus.appcds.generate Quarkus stops after its static initialisation, before any socket or connection, and the
# JVM writes the cache as it exits. A JVM that cannot use the cache says so and starts without it.
FROM eclipse-temurin:25-jre
# libvips's command-line tools: the media library's image engine (io.headline.media.Vips).
# Ubuntu's libheif takes its AV1 encoder and decoder as plugins, only recommended: named here, or AVIF is not written
# (Headline then serves WebP for format=auto and says so at start-up).
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libvips-tools \
      libheif-plugin-aomenc libheif-plugin-dav1d \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system headline && useradd --system --gid headline --home-dir /app headline
WORKDIR /app
COPY --from=build --chown=headline:headline /src/target/quarkus-app/ /app/
COPY ops/jvm.options /app/jvm.options
# The JVM's options are in /app/jvm.options (ops/jvm.options: the serial collector, a heap that grows only as the live
# data needs, exit on out-of-memory); JAVA_OPTS adds to them. MALLOC_ARENA_MAX=2: glibc would keep up to eight malloc
# arenas a core, memory the JVM does not need.
# The management interface listens on every interface of the container (the jar's default is localhost, which no
# scraper outside the container could reach); who reaches port 9000 is decided by where it is published.
ENV HEADLINE_DEMO_CONTENT=false \
    QUARKUS_MANAGEMENT_HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-XX:AOTCache=/app/app.aot"
RUN java @/app/jvm.options -XX:AOTCacheOutput=/app/app.aot \
      -Dquarkus.appcds.generate=true -jar /app/quarkus-run.jar
# The embedded flavour's database: the default URL, jdbc:h2:file:./data/headline, is /app/data/headline from /app.
# Media files are kept in /app/data/media (HEADLINE_MEDIA_DIRECTORY), unless HEADLINE_MEDIA_STORE=s3.
# The user must own the directory (a named volume mounted there starts as a copy of it, owner included).
RUN mkdir -p /app/data && chown headline:headline /app/data
USER headline
EXPOSE 8080 9000
# Ready: the database answers and takes a write. The JRE image has neither curl nor wget: bash asks over /dev/tcp.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${QUARKUS_HTTP_PORT:-8080} && printf 'GET /q/health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm.options $JAVA_OPTS -jar /app/quarkus-run.jar"]
