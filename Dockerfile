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
RUN ./mvnw package -DskipTests -Ddb.kind=${DB_KIND}

FROM eclipse-temurin:17-jre
RUN groupadd --system headline && useradd --system --gid headline --home-dir /app headline
WORKDIR /app
COPY --from=build --chown=headline:headline /src/target/quarkus-app/ /app/
USER headline
EXPOSE 8080
# ExitOnOutOfMemoryError: the process ends at once rather than go on after an out-of-memory error with a
# half-done write (the orchestrator restarts it). Keep it when you override JAVA_OPTS.
ENV HEADLINE_DEMO_CONTENT=false \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
