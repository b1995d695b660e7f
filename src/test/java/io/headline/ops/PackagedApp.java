package io.headline.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.fail;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged application (the {@code headline.jar} that {@code package} built) in a child JVM on a free port, for
 * the black-box {@code *IT} tests. On the embedded database it runs with its default URL in the given working
 * directory, so the H2 file that newcomers run is the one tested; with -Ppostgresql it runs on the test run's
 * database. Quotas are lifted and demo content is off; the admin token is {@link #ADMIN_TOKEN}.
 */
record PackagedApp(Process process, int port, int managementPort, Path log) {

    static final String ADMIN_TOKEN = "packaged-app-admin-token";
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /** Starts it with extra JVM options (heap size, GC log) and waits until it is ready; its output goes to {@code log}. */
    static PackagedApp start(Path workDir, String name, List<String> jvmOptions) throws IOException, InterruptedException {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                // Instances side by side (TwoInstancesIT, other runs on the machine): not all on the default 9000.
                "-Dquarkus.management.port=" + managementPort,
                "-Dheadline.demo-content=false",
                "-Dheadline.rate-limit.anonymous=1000000",
                "-Dheadline.rate-limit.token=1000000"));
        String url = System.getProperty("test.db.url", "");
        if (!url.startsWith("jdbc:h2:")) {
            command.add("-Dquarkus.datasource.jdbc.url=" + url);
            command.add("-Dquarkus.datasource.username=" + System.getProperty("test.db.username"));
        }
        command.addAll(List.of("-jar", Path.of(System.getProperty("headline.jar")).toAbsolutePath().toString()));
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HEADLINE_ADMIN_TOKEN", ADMIN_TOKEN);
        PackagedApp app = new PackagedApp(builder.start(), port, managementPort, log);
        try {
            app.awaitReady();
            return app;
        } catch (Exception | AssertionError notReady) {
            app.process.destroyForcibly();
            throw notReady;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    RequestSpecification anonymous() {
        return given().baseUri("http://127.0.0.1").port(port).accept("application/json, application/problem+json");
    }

    RequestSpecification admin() {
        return anonymous().contentType(ContentType.JSON).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    /** What its management interface's /q/metrics says, in the Prometheus text format. */
    String metrics() {
        return given().baseUri("http://127.0.0.1").port(managementPort).accept("text/plain").get("/q/metrics")
                .then().statusCode(200).extract().asString();
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("The application exited with " + process.exitValue() + " on start:\n" + Files.readString(log));
            }
            try {
                if (anonymous().get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notListeningYet) {
                // keep waiting
            }
            Thread.sleep(100);
        }
        fail("The application was not ready within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    /** SIGKILL on Linux: no shutdown hook, no last flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
