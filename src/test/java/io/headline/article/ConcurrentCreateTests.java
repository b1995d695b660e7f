package io.headline.article;

import static io.headline.Api.admin;
import static io.headline.Api.articleInput;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.headline.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Creates that race for one generated slug all succeed, each with the next free suffix. */
@QuarkusTest
class ConcurrentCreateTests {

    private static final int CREATES = 20;

    /** Posts {@code CREATES} bodies at once and returns the responses. */
    private static List<ExtractableResponse<Response>> racing(String collection, IntFunction<Map<String, Object>> body)
            throws Exception {
        List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
        for (int i = 0; i < CREATES; i++) {
            Map<String, Object> input = body.apply(i);
            calls.add(() -> admin().body(input).when().post("/api/v1/" + collection).then().extract());
        }
        return Concurrently.run(calls);
    }

    private static void assertEverySlugGenerated(List<ExtractableResponse<Response>> responses, String base) {
        assertThat(responses).extracting(ExtractableResponse::statusCode).containsOnly(201);
        assertThat(responses).extracting(r -> r.<String>path("slug")).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, CREATES).mapToObj(n -> n == 1 ? base : base + "-" + n).toList());
    }

    @Test
    void shouldGiveEachOfConcurrentArticlesWithOneTitleTheNextFreeSlug() throws Exception {
        String title = unique("Race");
        Map<String, Object> input = articleInput("draft");
        input.put("title", title);

        assertEverySlugGenerated(racing("articles", i -> input), title.toLowerCase());
    }

    @Test
    void shouldGiveEachOfConcurrentAuthorsWithOneNameTheNextFreeSlug() throws Exception {
        String name = unique("Racer");

        assertEverySlugGenerated(racing("authors", i -> Map.of("name", name)), name.toLowerCase());
    }

    @Test
    void shouldGiveEachOfConcurrentCategoriesWhoseNamesShareASlugTheNextFreeSlug() throws Exception {
        String name = unique("Section");

        // Names are unique, so these differ only in punctuation, which a slug leaves out.
        assertEverySlugGenerated(racing("categories", i -> Map.of("name", name + " " + "!".repeat(i))),
                name.toLowerCase());
    }

    @Test
    void shouldGiveAClientChosenSlugToOneOfConcurrentCreatesAnd409ToTheRest() throws Exception {
        String slug = unique("chosen");
        Map<String, Object> input = articleInput("draft");
        input.put("slug", slug);

        List<ExtractableResponse<Response>> responses = racing("articles", i -> input);

        assertThat(responses).extracting(ExtractableResponse::statusCode)
                .containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
    }
}
