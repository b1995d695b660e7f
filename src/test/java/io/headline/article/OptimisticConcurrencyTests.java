package io.headline.article;

import static io.headline.Api.admin;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OptimisticConcurrencyTests {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static String etagOf(Object id) {
        return admin().when().get("/api/v1/articles/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void shouldAnswerWritesWithTheETagOfAPlainGet() {
        ExtractableResponse<Response> post = admin().body(articleInput("draft")).when().post("/api/v1/articles")
                .then().statusCode(201).extract();
        String created = post.header("ETag");
        Object id = post.path("id");
        assertThat(created).isEqualTo(etagOf(id));

        String patched = admin().contentType(MERGE_PATCH).body(Map.of("subtitle", "A dek"))
                .when().patch("/api/v1/articles/{id}", id).then().statusCode(200).extract().header("ETag");
        assertThat(patched).isNotEqualTo(created).isEqualTo(etagOf(id));
    }

    @Test
    void shouldWriteWhenIfMatchNamesTheCurrentETag() {
        Map<String, Object> article = createArticle("draft");

        admin().contentType(MERGE_PATCH).header("If-Match", etagOf(article.get("id"))).body(Map.of("subtitle", "Fresh"))
                .when().patch("/api/v1/articles/{id}", article.get("id"))
                .then().statusCode(200).body("subtitle", equalTo("Fresh"));
    }

    @Test
    void shouldAnswer412ForAStaleIfMatch() {
        Map<String, Object> article = createArticle("draft");
        String stale = etagOf(article.get("id"));
        admin().contentType(MERGE_PATCH).body(Map.of("subtitle", "First")).when()
                .patch("/api/v1/articles/{id}", article.get("id")).then().statusCode(200);

        admin().contentType(MERGE_PATCH).header("If-Match", stale).body(Map.of("subtitle", "Second"))
                .when().patch("/api/v1/articles/{id}", article.get("id"))
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-failed"))
                .body("detail", containsString("GET it again"));
        admin().when().get("/api/v1/articles/{id}", article.get("id")).then().body("subtitle", equalTo("First"));
    }

    @Test
    void shouldAnswer412ToAPutWithAStaleIfMatch() {
        Map<String, Object> input = articleInput("draft");
        Map<String, Object> article = createArticle(input);

        admin().header("If-Match", "\"stale\"").body(input).when().put("/api/v1/articles/{id}", article.get("id"))
                .then().statusCode(412);
    }

    @Test
    void shouldNotMatchAWeakETagInIfMatch() {
        Map<String, Object> article = createArticle("draft");

        admin().header("If-Match", "W/" + etagOf(article.get("id"))).when().delete("/api/v1/articles/{id}", article.get("id"))
                .then().statusCode(412);
    }

    @Test
    void shouldMatchAnyExistingArticleWithAStar() {
        Map<String, Object> article = createArticle("draft");

        admin().header("If-Match", "*").when().delete("/api/v1/articles/{id}", article.get("id")).then().statusCode(204);
    }

    @Test
    void shouldKeepAnArticleWhoseDeleteHasAStaleIfMatch() {
        Map<String, Object> article = createArticle("draft");

        admin().header("If-Match", "\"stale\", W/\"x\"").when().delete("/api/v1/articles/{id}", article.get("id"))
                .then().statusCode(412);
        admin().when().get("/api/v1/articles/{id}", article.get("id")).then().statusCode(200);
    }

    @Test
    void shouldChainWritesWithTheETagOfEachResponse() {
        Map<String, Object> article = createArticle("draft");
        String etag = etagOf(article.get("id"));

        for (String subtitle : List.of("one", "two", "three")) {
            etag = admin().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("subtitle", subtitle))
                    .when().patch("/api/v1/articles/{id}", article.get("id"))
                    .then().statusCode(200).extract().header("ETag");
        }
    }

    /**
     * Each writer reads, appends its own tag and writes with If-Match, starting again from a fresh read when it loses
     * a race: losers are told (412, or 409), and in the end every writer's tag is there.
     */
    @Test
    void shouldLoseNoUpdateUnderConcurrentWriters() throws Exception {
        Object id = createArticle("draft").get("id");
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> failures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String tag = "writer-" + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    for (int attempt = 0; attempt < 100; attempt++) {
                        ExtractableResponse<Response> read = admin().when().get("/api/v1/articles/{id}", id)
                                .then().extract();
                        List<String> tags = new ArrayList<>(read.jsonPath().getList("tags", String.class));
                        tags.add(tag);
                        int status = admin().contentType(MERGE_PATCH).header("If-Match", read.header("ETag"))
                                .body(Map.of("tags", tags)).when().patch("/api/v1/articles/{id}", id)
                                .then().extract().statusCode();
                        if (status == 200) {
                            return status;
                        }
                        failures.add(status);
                    }
                    return 0;
                }));
            }
            start.countDown();
            for (Future<Integer> outcome : outcomes) {
                assertThat(outcome.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> tags = admin().when().get("/api/v1/articles/{id}", id).then().extract()
                .jsonPath().getList("tags", String.class);
        assertThat(tags).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, writers).mapToObj(i -> "writer-" + i).toList());
        assertThat(failures).isNotEmpty().allMatch(status -> status == 412 || status == 409);
    }
}
