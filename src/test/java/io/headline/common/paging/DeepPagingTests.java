package io.headline.common.paging;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.headline.common.query.Cursor;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Offset paging stops at a documented depth on every list, with a 400 that points to the cursor, never a 500. */
@QuarkusTest
class DeepPagingTests {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/articles", "/api/v1/authors", "/api/v1/categories"})
    void shouldRefuseAPagePastTheMaximumDepthWithAPointerToTheCursor(String list) {
        anonymous().when().get(list + "?page=2147483647&size=100")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"))
                .body("detail", containsString("cursor"));
    }

    @Test
    void shouldRefuseADeepPageOfRevisions() {
        Object id = createArticle("draft").get("id");

        admin().when().get("/api/v1/articles/" + id + "/revisions?page=101&size=100")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void shouldRefuseARelevanceCursorPastTheMaximumDepth() {
        String word = "deep" + unique("w").replaceAll("[^a-z0-9]", "");
        for (int i = 0; i < 2; i++) {
            Map<String, Object> input = articleInput("published");
            input.put("title", "About " + word);
            createArticle(input);
        }
        String sort = Cursor.decode(anonymous().when().get("/api/v1/articles?size=1&q=" + word).then().statusCode(200)
                .extract().<String>path("meta.nextCursor")).sort();
        String deep = Cursor.atOffset(sort, 1_000_000).encode();

        anonymous().when().get("/api/v1/articles?q=" + word + "&cursor=" + deep)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"))
                .body("detail", containsString("sort by a field"));
    }
}
