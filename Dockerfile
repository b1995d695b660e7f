# Builds Headline from source and runs it on a JRE as a non-root user.
# The image is built for PostgreSQL, the production database (DB_KIND=h2 builds the embedded flavour).
#   docker build -t headline .
#   docker run -p 8080:8080 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/headline \
#     -e QUARKUS_DATASOURCE_USERNAME=headline -e QUARKUS_DATASOURCE_PASSWORD=... \
#     -e HEADLINE_ADMIN_TOKEN=... headline

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw dependency:resolve-plugins -q || true
COPY src src
COPY openapi.yaml ./
ARG DB_KIND=postgresql
# appcds.enabled builds in the step that stops the app after Quarkus's static initialisation when it runs with
# -Dquarkus.appcds.generate=true (the AOT training run below); the AppCDS archive it also makes belongs to this JDK.
RUN ./mvnw package -DskipTests -Ddb.kind=${DB_KIND} -Dquarkus.package.jar.appcds.enabled=true \
    && rm -f target/quarkus-app/app-cds.jsa

# Runs on JDK 25 for its AOT cache (JEP 483/514/515): classes loaded, linked and profiled in a training run start
# ready-made (bench/startup-aot.sh measures it against plain java -jar). The cache belongs to this exact JVM and class
# path, so it is made here, in the image that runs it. The training run needs no database: with
# quarkus.appcds.generate Quarkus stops after its static initialisation, before any socket or connection, and the
# JVM writes the cache as it exits. A JVM that cannot use the cache says so and starts without it.
FROM eclipse-temurin:25-jre
RUN groupadd --system headline && useradd --system --gid headline --home-dir /app headline
WORKDIR /app
COPY --from=build --chown=headline:headline /src/target/quarkus-app/ /app/
# ExitOnOutOfMemoryError: the process ends at once rather than go on after an out-of-memory error with a
# half-done write (the orchestrator restarts it). Keep it when you override JAVA_OPTS.
ENV HEADLINE_DEMO_CONTENT=false \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:AOTCache=/app/app.aot"
RUN java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:AOTCacheOutput=/app/app.aot \
      -Dquarkus.appcds.generate=true -jar /app/quarkus-run.jar
USER headline
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
