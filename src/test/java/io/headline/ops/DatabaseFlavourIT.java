package io.headline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar started with the other database flavour's URL (the H2 build with a PostgreSQL URL, or with
 * -Ppostgresql the PostgreSQL build with the H2 URL) exits at once with a message that names the flavour and the fix,
 * instead of the driver's bare "Driver does not support the provided URL".
 */
class DatabaseFlavourIT {

    @TempDir
    Path work;

    @Test
    void shouldNameTheFlavourAndTheFixWhenStartedWithTheOtherFlavoursUrl() throws Exception {
        boolean h2Build = System.getProperty("test.db.url", "").startsWith("jdbc:h2:");
        String otherUrl = h2Build ? "jdbc:postgresql://127.0.0.1:5432/headline" : "jdbc:h2:file:./data/headline";
        Path log = work.resolve("start.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=0", "-Dquarkus.datasource.jdbc.url=" + otherUrl,
                "-jar", Path.of(System.getProperty("headline.jar")).toAbsolutePath().toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(process.waitFor(PackagedApp.START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("exited").isTrue();
        } finally {
            process.destroyForcibly().waitFor();
        }

        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).doesNotContain("Failed to start application");
        if (h2Build) {
            assertThat(output).contains("This Headline jar was built for the embedded H2 database")
                    .contains("./mvnw package -Ppostgresql");
        } else {
            assertThat(output).contains("This Headline jar was built for PostgreSQL")
                    .contains("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://");
        }
    }
}
