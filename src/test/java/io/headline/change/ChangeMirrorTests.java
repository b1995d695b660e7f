package io.headline.change;

import static io.headline.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.Api;
import io.headline.Concurrently;
import io.headline.TestClock;
import io.headline.article.ArticleInput;
import io.headline.article.ArticleService;
import io.headline.article.ArticleStatus;
import io.headline.delivery.IfMatch;
import io.headline.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The feed keeps a copy exactly in sync while writers race: slow writers hold their transaction open (after their
 * change is logged, where a number taken early but committed late would be passed over by a poller) among fast
 * ones, and two readers poll the feed all along and apply it to mirrors, fetching each changed resource's state: an
 * editor's (the admin feed) and the public's (the anonymous feed, where an unpublish is a removal and a scheduled
 * article appears at its time, with no write then). Both end equal to what their caller sees of the source: the
 * articles, and the authors and categories they embed, renamed meanwhile.
 */
@QuarkusTest
class ChangeMirrorTests {

    private static final int WRITERS = 6;
    private static final int ARTICLES_EACH = 3;

    /** The articles scheduled to come out in an hour. */
    private final Set<UUID> scheduled = ConcurrentHashMap.newKeySet();

    @Inject
    ArticleService articles;
    @Inject
    ObjectMapper mapper;
    @Inject
    TestClock clock;

    /** A resource as a mirror keeps it: an article's slug, title and status, an author's or category's slug and name. */
    record Copy(String slug, String name, String status) {
    }

    /** A reader polling the feed as {@code caller}, and what it applied, in feed order, to its copy. */
    private static final class Mirror {
        final Supplier<RequestSpecification> caller;
        final Map<UUID, Copy> copies = new HashMap<>();
        final Map<UUID, Integer> seenArticles = new HashMap<>();
        final BlockingQueue<Map<String, Object>> read = new LinkedBlockingQueue<>();
        final AtomicReference<String> cursor;
        final AtomicInteger polls = new AtomicInteger();
        Thread reader;
        Thread applier;

        Mirror(Supplier<RequestSpecification> caller) {
            this.caller = caller;
            this.cursor = new AtomicReference<>(Feed.end(caller));
        }

        void start(AtomicBoolean writing, AtomicBoolean reading, AtomicReference<Throwable> failure) {
            // The reader only polls, so that it polls often; the applier applies what it read, in order, meanwhile.
            reader = thread(failure, () -> {
                while (writing.get()) {
                    poll();
                }
            });
            applier = thread(failure, () -> {
                while (reading.get() || !read.isEmpty()) {
                    Map<String, Object> change = read.poll(10, TimeUnit.MILLISECONDS);
                    if (change != null) {
                        apply(change);
                    }
                }
            });
        }

        void poll() {
            Feed.Read page = Feed.after(cursor.get(), caller);
            read.addAll(page.changes());
            cursor.set(page.cursor());
            polls.incrementAndGet();
        }

        /** Applies one change: a deletion removes, anything else fetches the current state as the caller sees it. */
        void apply(Map<String, Object> change) {
            UUID id = UUID.fromString((String) change.get("id"));
            String type = (String) change.get("resourceType");
            if ("article".equals(type)) {
                seenArticles.merge(id, 1, Integer::sum);
            }
            if ("deleted".equals(change.get("kind"))) {
                copies.remove(id);
            } else {
                // Deleted (or hidden) since: its change follows in the feed.
                current(caller, type, id).ifPresentOrElse(copy -> copies.put(id, copy), () -> copies.remove(id));
            }
        }
    }

    @Test
    void shouldEndEqualToTheSourceWithNothingSkipped() throws Exception {
        Map<UUID, Integer> writes = new ConcurrentHashMap<>();
        Map<UUID, String> others = new ConcurrentHashMap<>(); // authors and categories, by id: their type
        Mirror editor = new Mirror(Api::admin);
        Mirror reader = new Mirror(Api::anonymous);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        editor.start(writing, reading, failure);
        reader.start(writing, reading, failure);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            boolean slow = w % 2 == 1;
            Random random = new Random(w);
            // A category and an author each: writes that share one take turns on its row lock (H2 has no share lock).
            Map<String, Object> category = Api.createCategory();
            Map<String, Object> author = Api.createAuthor();
            others.put(UUID.fromString((String) category.get("id")), "category");
            others.put(UUID.fromString((String) author.get("id")), "author");
            writers.add(() -> {
                for (int a = 0; a < ARTICLES_EACH; a++) {
                    write((String) category.get("slug"), (String) author.get("slug"), a == 0, slow, random, writes);
                }
                rename("/api/v1/categories/{id}", category.get("id"));
                rename("/api/v1/authors/{id}", author.get("id"));
                return null;
            });
        }
        try {
            Concurrently.run(writers);
            // The scheduled articles' time comes: the public sees them appear, with no write then.
            clock.advance(Duration.ofHours(2));
        } finally {
            writing.set(false);
            for (Mirror mirror : List.of(editor, reader)) {
                mirror.reader.join();
                mirror.poll(); // its last poll, once every write has committed
            }
            reading.set(false);
            editor.applier.join();
            reader.applier.join();
        }
        try {
            assertThat(failure.get()).isNull();
            for (Mirror mirror : List.of(editor, reader)) {
                Map<UUID, Copy> source = new HashMap<>();
                writes.keySet().forEach(id -> current(mirror.caller, "article", id).ifPresent(copy -> source.put(id, copy)));
                others.forEach((id, type) -> current(mirror.caller, type, id).ifPresent(copy -> source.put(id, copy)));
                assertThat(mirror.polls.get()).isGreaterThan(1);
                assertThat(mirror.copies).as("what %s sees", mirror.caller == editor.caller ? "an editor" : "the public")
                        .isEqualTo(source);
            }
            // Every write in the editor's feed, each scheduled article's appearance too
            Map<UUID, Integer> expected = new HashMap<>(writes);
            scheduled.forEach(id -> expected.merge(id, 1, Integer::sum));
            assertThat(editor.seenArticles).isEqualTo(expected);
            assertThat(scheduled).isNotEmpty().allSatisfy(id ->
                    assertThat(reader.copies.get(id)).as("appeared to the public").extracting(Copy::status)
                            .isEqualTo("published"));
        } finally {
            clock.reset();
        }
    }

    /**
     * One article's life: created, retitled, published, retitled, unpublished, published again, and then deleted, or
     * (when {@code keep}) unpublished and scheduled to come out in an hour; each write counted once it committed. A
     * slow writer holds each write's transaction open before and after the write.
     */
    private void write(String category, String author, boolean keep, boolean slow, Random random,
            Map<UUID, Integer> writes) {
        ArticleInput input = new ArticleInput(null, Api.unique("Mirrored"), null, null, "Body", ArticleStatus.draft,
                false, null, category, List.of(author), List.of(), null);
        UUID id = inTransaction(slow, random, () -> articles.create(input, Caller.SYSTEM).id());
        writes.merge(id, 1, Integer::sum);
        List<Runnable> steps = new ArrayList<>(List.of(
                () -> retitle(id),
                () -> articles.transition(id.toString(), ArticleStatus.published, null, Caller.SYSTEM),
                () -> retitle(id),
                () -> articles.transition(id.toString(), ArticleStatus.draft, null, Caller.SYSTEM),
                () -> articles.transition(id.toString(), ArticleStatus.published, null, Caller.SYSTEM)));
        if (keep) {
            steps.add(() -> articles.transition(id.toString(), ArticleStatus.draft, null, Caller.SYSTEM));
            steps.add(() -> articles.transition(id.toString(), ArticleStatus.scheduled,
                    clock.instant().plus(Duration.ofHours(1)), Caller.SYSTEM));
            scheduled.add(id);
        } else {
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

    private static void rename(String path, Object id) {
        admin().contentType("application/merge-patch+json").body(Map.of("name", Api.unique("Renamed")))
                .when().patch(path, id).then().statusCode(200);
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

    /** The resource as {@code caller} reads it now, if it can. */
    private static Optional<Copy> current(Supplier<RequestSpecification> caller, String type, UUID id) {
        String path = switch (type) {
            case "article" -> "/api/v1/articles/{id}";
            case "author" -> "/api/v1/authors/{id}";
            default -> "/api/v1/categories/{id}";
        };
        Response response = caller.get().when().get(path, id);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonPath found = response.then().statusCode(200).extract().jsonPath();
        return Optional.of(type.equals("article")
                ? new Copy(found.getString("slug"), found.getString("title"), found.getString("status"))
                : new Copy(found.getString("slug"), found.getString("name"), null));
    }
}
