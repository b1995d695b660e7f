package io.headline.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.headline.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A store that will not take a write again makes the instance not alive, so that it is restarted. */
@QuarkusTest
class StoreAliveCheckTests {

    private static final String CHECK_STATUS = "checks.find { it.name == '" + StoreAliveCheck.NAME + "' }.status";

    @Inject
    TestClock testClock;

    @Inject
    Clock clock;

    /** What the fake store answers a connection request with: null for a connection that fails on use. */
    private volatile SQLException refusal;

    @AfterEach
    void resetClock() {
        testClock.reset();
    }

    @Test
    void shouldReportAliveWhileTheDatabaseAcceptsWrites() {
        given().noFilters().when().get("/q/health/live")
                .then().statusCode(200).body(CHECK_STATUS, equalTo("UP"));
    }

    @Test
    void shouldNotBeAliveOnceTheDatabaseSaysItHasBeenClosed() {
        // H2's error after it closed its database on an error inside it (an out-of-memory error reading a page).
        refusal = new SQLException("The database has been closed [90098-240]", "90098", 90098);

        assertThat(aliveCheck().call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void shouldStayAliveThroughAShortOutageOfTheEmbeddedDatabaseButNotALongOne() {
        refusal = new SQLException("Connection refused", "08001");
        StoreAliveCheck alive = aliveCheck(true);
        assertThat(alive.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        testClock.advance(StoreAliveCheck.UNWRITABLE_FOR.minus(Duration.ofSeconds(1)));
        assertThat(alive.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        testClock.advance(Duration.ofSeconds(1));
        assertThat(alive.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void shouldStayAliveThroughALongOutageOfADatabaseServer() {
        refusal = new SQLException("Connection refused", "08001");
        StoreAliveCheck alive = aliveCheck(false);
        assertThat(alive.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        testClock.advance(StoreAliveCheck.UNWRITABLE_FOR.multipliedBy(10));
        assertThat(alive.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    private StoreAliveCheck aliveCheck() {
        return aliveCheck(true);
    }

    /** The checks over a store that refuses every connection with {@link #refusal}. */
    private StoreAliveCheck aliveCheck(boolean embedded) {
        DataSource refusing = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw refusal;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new StoreAliveCheck(new StoreWritableCheck(refusing, clock), clock, embedded);
    }
}
