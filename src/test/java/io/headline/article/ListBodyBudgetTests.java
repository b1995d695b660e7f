package io.headline.article;

import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A list that returns bodies stops before the item that would take them past headline.limits.list-body-budget
 * (4 MiB by default), says so in meta.truncated, and continues exactly after the last item returned.
 */
@QuarkusTest
class ListBodyBudgetTests {

    /** About 1.8 MB in the three forms (markdown, HTML, text): two fit in the budget, three do not. */
    private static final String LARGE_BODY = "word ".repeat(120_000);

    private static List<String> publishLarge(String tag, String title, int count) {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> input = articleInput("published");
            input.put("tags", List.of(tag));
            input.put("title", title + " " + i);
            input.put("body", LARGE_BODY);
            input.put("publishedAt", Instant.parse("2024-01-10T00:00:00Z").minus(i, ChronoUnit.DAYS).toString());
            slugs.add((String) createArticle(input).get("slug"));
        }
        return slugs;
    }

    /** @param path as the API wrote it (links.next is already encoded) */
    private static JsonPath get(String path) {
        return anonymous().urlEncodingEnabled(false).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldStopAPageOfBodiesAtTheBudgetAndContinueAfterItsLastItem() {
        String tag = unique("budget");
        List<String> slugs = publishLarge(tag, "Budget", 3);

        JsonPath first = get("/api/v1/articles?size=3&fields=slug,body,bodyHtml,bodyText&tag=" + tag);
        JsonPath second = get(first.getString("links.next"));

        assertThat(first.getList("data.slug", String.class)).containsExactlyElementsOf(slugs.subList(0, 2));
        assertThat(first.getBoolean("meta.truncated")).isTrue();
        assertThat(first.getString("data[0].body")).isEqualTo(LARGE_BODY);
        assertThat(second.getList("data.slug", String.class)).containsExactly(slugs.get(2));
        assertThat(second.getString("meta.nextCursor")).isNull();
        assertThat(second.getString("meta.truncated")).isNull();
    }

    @Test
    void shouldNotTruncateAPageThatReturnsNoBodies() {
        String tag = unique("no-budget");
        publishLarge(tag, "Light", 3);

        JsonPath page = get("/api/v1/articles?size=3&tag=" + tag);

        assertThat(page.getList("data")).hasSize(3);
        assertThat(page.getString("meta.truncated")).isNull();
    }

    @Test
    void shouldContinueATruncatedPageOfSearchResultsByPosition() {
        String word = "budgeted" + unique("w").replaceAll("[^a-z0-9]", "");
        String tag = unique("budget-search");
        publishLarge(tag, word, 3);

        JsonPath first = get("/api/v1/articles?size=3&fields=slug,body,bodyHtml,bodyText&q=" + word + "&tag=" + tag);
        JsonPath second = get(first.getString("links.next"));

        assertThat(first.getList("data")).hasSize(2);
        assertThat(first.getBoolean("meta.truncated")).isTrue();
        List<String> all = new ArrayList<>(first.getList("data.slug", String.class));
        all.addAll(second.getList("data.slug", String.class));
        assertThat(all).hasSize(3).doesNotHaveDuplicates();
    }
}
