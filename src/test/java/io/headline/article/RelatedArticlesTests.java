package io.headline.article;

import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RelatedArticlesTests {

    private static String publish(Object category, List<?> authors, List<String> tags, String publishedAt, String status) {
        Map<String, Object> input = articleInput(status);
        input.put("category", category);
        input.put("authors", authors);
        input.put("tags", tags);
        input.put("publishedAt", publishedAt);
        return (String) createArticle(input).get("slug");
    }

    @Test
    void shouldRankByWhatArticlesShareThenByRecency() {
        Object category = createCategory().get("slug");
        Object otherCategory = createCategory().get("slug");
        Object author = createAuthor().get("slug");
        Object otherAuthor = createAuthor().get("slug");
        String a = unique("a");
        String b = unique("b");
        String subject = publish(category, List.of(author), List.of(a, b), "2024-01-10T00:00:00Z", "published");
        String sameCategoryOnly = publish(category, List.of(otherAuthor), List.of(), "2024-01-09T00:00:00Z", "published");
        String everything = publish(category, List.of(author), List.of(a, b), "2024-01-01T00:00:00Z", "published");
        String oneTagOld = publish(otherCategory, List.of(otherAuthor), List.of(a), "2024-01-02T00:00:00Z", "published");
        String oneTagNew = publish(otherCategory, List.of(otherAuthor), List.of(b), "2024-01-08T00:00:00Z", "published");
        publish(otherCategory, List.of(otherAuthor), List.of(unique("c")), "2024-01-09T00:00:00Z", "published");
        publish(category, List.of(author), List.of(a), "2024-01-09T00:00:00Z", "draft");

        List<String> related = anonymous().when().get("/api/v1/articles/{slug}/related?size=10", subject)
                .then().statusCode(200).extract().jsonPath().getList("data.slug");

        assertThat(related).containsExactly(everything, sameCategoryOnly, oneTagNew, oneTagOld);
    }

    @Test
    void shouldAnswer404ForRelatedOfAnUnknownArticle() {
        anonymous().when().get("/api/v1/articles/{slug}/related", "no-such-article").then().statusCode(404);
    }
}
