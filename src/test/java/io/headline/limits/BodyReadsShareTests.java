package io.headline.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headline.common.HeadlineConfig;
import io.headline.common.error.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A search takes the share of the body budget its snippets read, not a whole bulk read: many run beside a bulk read,
 * and a bulk read waits for them (503 once its wait is over).
 */
@QuarkusTest
class BodyReadsShareTests {

    /** What a page of 20 search results may read: 20 bodies' first 20,000 characters. */
    private static final long SEARCH_PAGE = 20 * 20_000L;

    @Inject
    BodyReads bodyReads;

    @Inject
    HeadlineConfig config;

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService holders = Executors.newCachedThreadPool();

    @AfterEach
    void giveThemBack() {
        release.countDown();
        holders.shutdown();
    }

    private void holdWhile(Runnable started, long bytes) {
        holders.submit(() -> bodyReads.run(bytes, () -> {
            started.run();
            try {
                return release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                return false;
            }
        }));
    }

    @Test
    void shouldRunManySearchesBesideABulkReadAndRefuseTheBulkReadTheyLeaveNoRoomFor() throws InterruptedException {
        long budget = config.limits().listBodyBudget().asLongValue();
        int bulkReads = config.limits().bodyReads();
        // Earlier tests' answers may still hold units (their callers gave up): start from all of them free.
        HeldBodyReads.unitsBackWithin(bodyReads, Duration.ofSeconds(60));
        CountDownLatch bulkHeld = new CountDownLatch(bulkReads - 1);
        for (int i = 0; i < bulkReads - 1; i++) {
            holdWhile(bulkHeld::countDown, budget);
        }
        assertThat(bulkHeld.await(10, TimeUnit.SECONDS)).isTrue();

        // What one bulk read would take, in searches: all of them run at once.
        int searches = (int) (budget / SEARCH_PAGE);
        CountDownLatch searching = new CountDownLatch(searches);
        for (int i = 0; i < searches; i++) {
            holdWhile(searching::countDown, SEARCH_PAGE);
        }
        assertThat(searching.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> bodyReads.run(() -> "bulk")).isInstanceOf(ProblemException.class);
    }
}
