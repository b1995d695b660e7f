package io.headline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A jar started with the other database flavour's URL is told so, with the fix, before the driver's bare error. */
class DatabaseFlavourTests {

    @Test
    void shouldAcceptAUrlOfTheBuiltKind() {
        assertThat(DatabaseFlavour.mismatch("h2", "jdbc:h2:file:./data/headline;MODE=PostgreSQL")).isEmpty();
        assertThat(DatabaseFlavour.mismatch("postgresql", "jdbc:postgresql://db:5432/headline")).isEmpty();
        assertThat(DatabaseFlavour.mismatch("postgresql", " JDBC:PostgreSQL://db/headline")).isEmpty();
    }

    @Test
    void shouldNameTheFlavourAndTheFixForAPostgresqlUrlOnTheH2Build() {
        assertThat(DatabaseFlavour.mismatch("h2", "jdbc:postgresql://db:5432/headline?password=s3cret"))
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("This Headline jar was built for the embedded H2 database")
                        .contains("a PostgreSQL URL (jdbc:postgresql:...)")
                        .contains("./mvnw package -Ppostgresql")
                        .contains("jdbc:h2:file:./data/headline")
                        .doesNotContain("s3cret"));
    }

    @Test
    void shouldNameTheFlavourAndTheFixForAnH2UrlOnThePostgresqlBuild() {
        assertThat(DatabaseFlavour.mismatch("postgresql", "jdbc:h2:file:./data/headline;MODE=PostgreSQL"))
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("This Headline jar was built for PostgreSQL")
                        .contains("an H2 URL (jdbc:h2:...)")
                        .contains("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://")
                        .contains("./mvnw package (without -Ppostgresql)"));
    }

    @Test
    void shouldNotJudgeWhatIsNotAJdbcUrl() {
        assertThat(DatabaseFlavour.mismatch("h2", "postgresql://db/headline")).isEmpty();
        assertThat(DatabaseFlavour.mismatch("h2", null)).isEmpty();
        assertThat(DatabaseFlavour.mismatch(null, "jdbc:postgresql://db/headline")).isEmpty();
    }
}
