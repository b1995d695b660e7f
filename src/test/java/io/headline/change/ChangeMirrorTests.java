package io.headline.change;

import static io.headline.Api.admin;
import static io.headline.Api.articleInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.Api;
import io.headline.Concurrently;
import io.headline.article.ArticleInput;
import io.headline.article.ArticleService;
import io.headline.article.ArticleStatus;
import io.headline.delivery.IfMatch;
import io.headline.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The feed keeps a copy exactly in sync while writers race: slow writers hold their transaction open (after their
 * change is logged, where a number taken early but committed late would be passed over by a poller) among fast
 * ones, and a reader polls the feed all along and applies it to a mirror, fetching each changed article's state.
 */
@QuarkusTest
class ChangeMirrorTests {

    private static final int WRITERS = 6;
    private static final int ARTICLES_EACH = 3;

    @Inject
    ArticleService articles;
    @Inject
    ObjectMapper mapper;

    /** An article as the mirror keeps it. */
    record Copy(String slug, String title, String status) {
    }

    @Test
    void shouldEndEqualToTheSourceWithNothingSkipped() throws Exception {
        String start = Feed.end(Api::admin);
        Map<UUID, Integer> writes = new ConcurrentHashMap<>();
        Map<UUID, Copy> mirror = new HashMap<>();
        Map<UUID, Integer> seen = new HashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger polls = new AtomicInteger();

        // The reader only polls, so that it polls often; the mirror applies what it read, in order, meanwhile.
        BlockingQueue<Map<String, Object>> read = new LinkedBlockingQueue<>();
        AtomicReference<String> cursor = new AtomicReference<>(start);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = thread(failure, () -> {
            while (writing.get()) {
                Feed.Read page = Feed.after(cursor.get(), Api::admin);
                read.addAll(page.changes());
                cursor.set(page.cursor());
                polls.incrementAndGet();
            }
        });
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread applier = thread(failure, () -> {
            while (reading.get() || !read.isEmpty()) {
                Map<String, Object> change = read.poll(10, TimeUnit.MILLISECONDS);
                if (change != null) {
                    apply(change, mirror, seen);
                }
            }
        });
        List<Callable<Void>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            boolean slow = w % 2 == 1;
            Random random = new Random(w);
            // A category and an author each: writes that share one take turns on its row lock (H2 has no share lock).
            Map<String, Object> fixture = articleInput("draft");
            writers.add(() -> {
                for (int a = 0; a < ARTICLES_EACH; a++) {
                    write(fixture, a == 0, slow, random, writes);
                }
                return null;
            });
        }
        try {
            Concurrently.run(writers);
        } finally {
            writing.set(false);
            reader.join();
            // The reader's last poll, once every write has committed.
            read.addAll(Feed.after(cursor.get(), Api::admin).changes());
            reading.set(false);
            applier.join();
        }
        assertThat(failure.get()).isNull();

        Map<UUID, Copy> source = new HashMap<>();
        for (UUID id : writes.keySet()) {
            current(id).ifPresent(copy -> source.put(id, copy));
        }
        assertThat(polls.get()).isGreaterThan(1);
        assertThat(mirror).isEqualTo(source);
        assertThat(seen).isEqualTo(writes);
    }

    /**
     * One article's life: created, retitled, published, retitled, unpublished, published again, and (unless
     * {@code keep}) deleted; each write counted once it committed. A slow writer holds each write's transaction open
     * before and after the write.
     */
    private void write(Map<String, Object> fixture, boolean keep, boolean slow, Random random,
            Map<UUID, Integer> writes) {
        ArticleInput input = new ArticleInput(null, Api.unique("Mirrored"), null, null, "Body", ArticleStatus.draft,
                false, null, (String) fixture.get("category"), List.of(((List<?>) fixture.get("authors")).get(0)
                .toString()), List.of(), null);
        UUID id = inTransaction(slow, random, () -> articles.create(input, Caller.SYSTEM).id());
        writes.merge(id, 1, Integer::sum);
        List<Runnable> steps = new ArrayList<>(List.of(
                () -> retitle(id),
                () -> articles.transition(id.toString(), ArticleStatus.published, null, Caller.SYSTEM),
                () -> retitle(id),
                () -> articles.transition(id.toString(), ArticleStatus.draft, null, Caller.SYSTEM),
                () -> articles.transition(id.toString(), ArticleStatus.published, null, Caller.SYSTEM)));
        if (!keep) {
            steps.add(() -> articles.delete(id.toString(), IfMatch.ABSENT));
        }
        for (Runnable step : steps) {
            inTransaction(slow, random, () -> {
                step.run();
                return null;
            });
            writes.merge(id, 1, Integer::sum);
        }
    }

    private void retitle(UUID id) {
        try {
            articles.patch(id.toString(), mapper.createObjectNode().put("title", Api.unique("Retitled")),
                    IfMatch.ABSENT, Caller.SYSTEM);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T inTransaction(boolean slow, Random random, Callable<T> write) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (slow) {
                pause(random);
            }
            T result = write.call();
            if (slow) {
                pause(random); // the change is logged: the transaction now holds its number until it commits
            }
            return result;
        });
    }

    private static void pause(Random random) {
        try {
            Thread.sleep(5 + random.nextInt(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Applies one change of the feed to the mirror: a deletion removes, anything else fetches the current state. */
    private static void apply(Map<String, Object> change, Map<UUID, Copy> mirror, Map<UUID, Integer> seen) {
        if (!"article".equals(change.get("resourceType"))) {
            return;
        }
        UUID id = UUID.fromString((String) change.get("id"));
        seen.merge(id, 1, Integer::sum);
        if ("deleted".equals(change.get("kind"))) {
            mirror.remove(id);
        } else {
            // Deleted since: its tombstone follows in the feed.
            current(id).ifPresentOrElse(copy -> mirror.put(id, copy), () -> mirror.remove(id));
        }
    }

    interface Loop {
        void run() throws Exception;
    }

    private static Thread thread(AtomicReference<Throwable> failure, Loop loop) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
        thread.start();
        return thread;
    }

    private static Optional<Copy> current(UUID id) {
        Response response = admin().when().get("/api/v1/articles/{id}", id);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonPath article = response.then().statusCode(200).extract().jsonPath();
        return Optional.of(new Copy(article.getString("slug"), article.getString("title"),
                article.getString("status")));
    }
}
