package io.headline.invalidation;

import static io.headline.Api.createAuthor;
import static io.headline.Api.createToken;
import static io.headline.Api.invalid;
import static io.headline.Api.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What another instance's writes do to this one's caches: the test writes as another instance would, on a connection
 * of its own, with the NOTIFY that instance's {@link Invalidations} sends in the same transaction, and this instance
 * must act on it within its listener's poll.
 *
 * <p>PostgreSQL only (tag "postgresql"): on H2 there is one embedded instance.
 */
@QuarkusTest
@Tag("postgresql")
class NotificationListenerTests {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    @Test
    void shouldRefuseTheTokenOfAnAuthorAnotherInstanceDeleted() throws SQLException {
        Map<String, Object> author = createAuthor();
        String secret = createToken("author", (String) author.get("slug"));
        withToken(secret).when().get("/api/v1/articles").then().statusCode(200); // remembered since

        try (Connection other = connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement delete = other.prepareStatement("delete from author where id = ?");
                    PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
                delete.setObject(1, UUID.fromString((String) author.get("id")));
                delete.executeUpdate();
                notify.setString(1, Invalidations.CHANNEL);
                notify.setString(2, "another-instance author:" + author.get("id"));
                notify.execute();
            }
            other.commit();
        }
        Instant deleted = Instant.now();

        int status = invalid(withToken(secret)).when().get("/api/v1/articles").statusCode();
        while (status != 401 && Instant.now().isBefore(deleted.plus(WITHIN))) {
            status = invalid(withToken(secret)).when().get("/api/v1/articles").statusCode();
        }
        assertThat(status).as("refused within %s of the other instance's commit", WITHIN).isEqualTo(401);
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }
}
