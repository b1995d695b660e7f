package io.headline.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StoreWritableCheckTests {

    private static final String CHECK_STATUS = "checks.find { it.name == '" + StoreWritableCheck.NAME + "' }.status";

    @Inject
    DataSource dataSource;

    @Test
    void shouldReportReadyWhileTheDatabaseAcceptsWrites() {
        given().noFilters().when().get("/q/health/ready")
                .then().statusCode(200).body(CHECK_STATUS, equalTo("UP"));
    }

    @Test
    void shouldReportNotReadyWhileWritesHang() throws SQLException {
        // Another transaction holds the row the probe writes: to the probe, the store hangs like a stuck one.
        try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.executeQuery("select id from store_probe where id = 1 for update").close();
            try {
                given().noFilters().when().get("/q/health/ready")
                        .then().statusCode(503).body(CHECK_STATUS, equalTo("DOWN"));
            } finally {
                blocker.rollback();
            }
        }
    }
}
