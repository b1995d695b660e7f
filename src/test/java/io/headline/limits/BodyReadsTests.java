package io.headline.limits;

import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.headline.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Responses that read bodies in bulk are built a few at a time; one more is answered 503 with Retry-After. */
@QuarkusTest
class BodyReadsTests {

    @Inject
    BodyReads bodyReads;

    private HeldBodyReads held;

    /** Takes every permit, as that many slow body-carrying responses would. */
    @BeforeEach
    void takeEveryPermit() throws InterruptedException {
        held = HeldBodyReads.all(bodyReads);
    }

    @AfterEach
    void giveThemBack() {
        held.close();
    }

    @Test
    void shouldAnswer503WithRetryAfterToAListAskingForBodiesWhenEveryPermitIsTaken() {
        anonymous().when().get("/api/v1/articles?fields=id,body")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("/problems/unavailable"));
    }

    @Test
    void shouldCountA503InTheMetrics() {
        double before = Metrics.value("headline_body_read_refusals_total");

        anonymous().when().get("/api/v1/articles?fields=id,body").then().statusCode(503);

        assertThat(Metrics.value("headline_body_read_refusals_total")).isEqualTo(before + 1);
    }

    @Test
    void shouldAnswer503ToASearchWhenEveryPermitIsTaken() {
        anonymous().when().get("/api/v1/search?q=anything").then().statusCode(503).header("Retry-After", equalTo("1"));
    }

    @Test
    void shouldStillAnswerAListWithoutBodies() {
        anonymous().when().get("/api/v1/articles?fields=id,title").then().statusCode(200);
    }

    @Test
    void shouldAnswer503ToASingleArticleWithALargeBodyWhenEveryPermitIsTaken() {
        Map<String, Object> input = articleInput("published");
        input.put("body", "word ".repeat(60_000));
        Object id = createArticle(input).get("id");

        anonymous().when().get("/api/v1/articles/{id}", id)
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("1"));
    }

    @Test
    void shouldStillAnswerASingleArticleWithAnOrdinaryBody() {
        Map<String, Object> input = articleInput("published");
        input.put("body", "An ordinary *article*.");
        Object id = createArticle(input).get("id");

        anonymous().when().get("/api/v1/articles/{id}", id).then().statusCode(200);
    }
}
