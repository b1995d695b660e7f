package io.headline.limits;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;

import io.headline.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Large answers go out only while what waits for slow clients leaves room for them under the send budget. */
@QuarkusTest
class PendingSendsTests {

    @Inject
    PendingSends sends;

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
