package io.headline.limits;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.headline.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Large answers go out only while what waits for slow clients leaves room for them under the send budget. */
@QuarkusTest
class PendingSendsTests {

    @Inject
    PendingSends sends;

    @TestHTTPResource("/")
    URI base;

    private long taken;

    @AfterEach
    void giveBack() {
        sends.remove(taken);
    }

    @Test
    void shouldAnswer503WithRetryAfterToALargeAnswerWhileTheBudgetIsTaken() {
        String tag = largeArticles();
        takeTheWholeBudget();

        admin().when().get("/api/v1/articles?tag={tag}&fields=body,bodyHtml", tag)
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("/problems/unavailable"));
    }

    @Test
    void shouldStillAnswerSmallAnswersWhileTheBudgetIsTaken() {
        String tag = largeArticles();
        takeTheWholeBudget();

        anonymous().when().get("/api/v1/articles?tag={tag}&fields=id,title", tag).then().statusCode(200);
    }

    @Test
    void shouldAnswerALargeAnswerOnceTheBudgetIsFree() {
        String tag = largeArticles();

        admin().when().get("/api/v1/articles?tag={tag}&fields=body,bodyHtml", tag).then().statusCode(200);
    }

    @Test
    void shouldAnswerAClientThatOffersCleartextHttp2InHttp11() throws Exception {
        // The pacer, the budget and the stall deadline work on HTTP/1.x: an h2c stream whose window is never opened
        // would hold its whole answer past them.
        HttpClient offering = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> answer = offering.send(HttpRequest.newBuilder(base.resolve("/api/v1/articles"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    /** As answers waiting for clients that read nothing would. */
    private void takeTheWholeBudget() {
        taken = Runtime.getRuntime().maxMemory();
        sends.add(taken);
    }

    private static String largeArticles() {
        return largeArticles(2, 40_000);
    }

    /** {@code count} published articles of {@code words} words each, under a tag of their own, which it returns. */
    static String largeArticles(int count, int words) {
        String tag = Api.unique("large");
        for (int i = 0; i < count; i++) {
            Map<String, Object> input = Api.articleInput("published");
            input.put("body", "word ".repeat(words));
            input.put("tags", List.of(tag));
            Api.createArticle(input);
        }
        return tag;
    }
}
