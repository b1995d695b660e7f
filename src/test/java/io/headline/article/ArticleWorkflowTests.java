package io.headline.article;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.headline.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** draft → published · scheduled · archived · back to draft, by explicit endpoints or a status in a write. */
@QuarkusTest
class ArticleWorkflowTests {

    @Inject
    TestClock clock;

    @Test
    void shouldPublishADraftNowAndUnpublishIt() {
        Object id = createArticle("draft").get("id");

        admin().when().post("/api/v1/articles/{id}/publish", id)
                .then().statusCode(200).body("status", equalTo("published")).body("publishedAt", notNullValue());
        anonymous().when().get("/api/v1/articles/{id}", id).then().statusCode(200);

        admin().when().post("/api/v1/articles/{id}/unpublish", id)
                .then().statusCode(200).body("status", equalTo("draft")).body("publishedAt", nullValue());
        anonymous().when().get("/api/v1/articles/{id}", id).then().statusCode(404);
    }

    @Test
    void shouldArchiveAndRepublishKeepingThePublicationTime() {
        Map<String, Object> input = articleInput("published");
        input.put("publishedAt", "2021-05-05T05:05:05Z");
        Object id = createArticle(input).get("id");

        admin().when().post("/api/v1/articles/{id}/archive", id).then().statusCode(200).body("status", equalTo("archived"));
        anonymous().when().get("/api/v1/articles/{id}", id).then().statusCode(404);
        admin().when().post("/api/v1/articles/{id}/publish", id)
                .then().statusCode(200).body("publishedAt", equalTo("2021-05-05T05:05:05Z"));
    }

    @Test
    void shouldMakeAScheduledArticlePublicAtItsInstantWithNoFurtherStep() {
        Object id = createArticle("draft").get("id");
        Instant instant = clock.instant().plus(1, ChronoUnit.HOURS);

        admin().body(Map.of("publishedAt", instant.toString())).when().post("/api/v1/articles/{id}/schedule", id)
                .then().statusCode(200).body("status", equalTo("scheduled"));
        anonymous().when().get("/api/v1/articles/{id}", id).then().statusCode(404);

        try {
            clock.advance(Duration.between(clock.instant(), instant).plusSeconds(1));

            anonymous().when().get("/api/v1/articles/{id}", id).then().statusCode(200).body("status", equalTo("published"));
        } finally {
            clock.reset();
        }
    }

    @ParameterizedTest
    @CsvSource({"draft,archive", "published,schedule"})
    void shouldRefuseAnIllegalTransitionWith409(String from, String action) {
        Object id = createArticle(from).get("id");

        var request = action.equals("schedule")
                ? admin().body(Map.of("publishedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())) : admin();
        request.when().post("/api/v1/articles/{id}/" + action, id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cannot go from " + from));
    }

    @Test
    void shouldRefuseToScheduleInThePast() {
        Object id = createArticle("draft").get("id");

        admin().body(Map.of("publishedAt", "2020-01-01T00:00:00Z")).when().post("/api/v1/articles/{id}/schedule", id)
                .then().statusCode(422).body("errors[0].field", equalTo("publishedAt"));
        assertThat(admin().when().get("/api/v1/articles/{id}", id).then().extract().<String>path("status"))
                .isEqualTo("draft");
    }

    @Test
    void shouldApplyTheSameRulesToAStatusChangeInAWrite() {
        Object id = createArticle("draft").get("id");

        admin().contentType("application/merge-patch+json").body(Map.of("status", "archived"))
                .when().patch("/api/v1/articles/{id}", id)
                .then().statusCode(409);
    }
}
