package io.headline.transfer;

import static io.headline.Api.admin;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bulk import leaves PostgreSQL's planner statistics up to date, so that the first reads after it get the plans
 * {@link io.headline.article.ListPlanTests} asserts rather than those for a nearly empty table. PostgreSQL only (tag
 * "postgresql"): the statistics are PostgreSQL's.
 */
@QuarkusTest
@Tag("postgresql")
class ImportStatisticsTests {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldLeaveThePlannerCountingTheImportedArticles() throws SQLException {
        String category = unique("stats-cat");
        String author = unique("stats-who");
        String file = "{\"type\":\"category\",\"slug\":\"" + category + "\",\"name\":\"" + category + "\"}\n"
                + "{\"type\":\"author\",\"slug\":\"" + author + "\",\"name\":\"" + author + "\"}\n"
                + IntStream.range(0, 400).mapToObj(i -> "{\"type\":\"article\",\"slug\":\"" + unique("stats") + "\","
                        + "\"title\":\"Statistics " + i + "\",\"body\":\"Text.\",\"status\":\"published\","
                        + "\"category\":\"" + category + "\",\"authors\":[\"" + author + "\"],\"tags\":[\"t" + i + "\"]}")
                        .collect(Collectors.joining("\n")) + "\n";

        admin().contentType(TransferResource.NDJSON).body(file.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/import").then().statusCode(200);

        // ANALYZE reads every row of tables this small: its estimate is then the exact count.
        assertThat(single("select reltuples::bigint from pg_class where relname = 'article'"))
                .isEqualTo(single("select count(*) from article"));
        assertThat(single("select reltuples::bigint from pg_class where relname = 'article_tag'"))
                .isEqualTo(single("select count(*) from article_tag"));
    }

    private long single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
