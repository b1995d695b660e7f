package io.headline.security;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.createToken;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static io.headline.Api.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The public never sees a draft, a scheduled article before its time or an archived article, on any read
 * endpoint: by id, by slug, in lists, filters, counts, search, facets or related content. Each read is made
 * twice, by the public (nothing unpublished) and by a content token (the same), and by a preview token
 * (everything), so the test also proves it would see a leak.
 */
@QuarkusTest
class NoLeakTests {

    @Test
    void shouldShowUnpublishedArticlesOnNoPublicReadEndpoint() {
        String word = "zyx" + unique("leak").replaceAll("[^a-z0-9]", "");
        Object category = createCategory(Map.of("name", "Leak " + word)).get("slug");
        Object author = createAuthor().get("slug");
        String tag = unique("leak");
        String published = publish(category, author, tag, word, "published", null);
        List<String> hidden = new ArrayList<>();
        hidden.add(publish(category, author, tag, word, "draft", null));
        hidden.add(publish(category, author, tag, word, "scheduled", Instant.now().plus(7, ChronoUnit.DAYS).toString()));
        String archived = publish(category, author, tag, word, "published", null);
        admin().when().post("/api/v1/articles/{slug}/archive", archived).then().statusCode(200);
        hidden.add(archived);

        Supplier<RequestSpecification> preview = () -> withToken(createToken("preview", null));
        Supplier<RequestSpecification> content = () -> withToken(createToken("content", null));
        Supplier<RequestSpecification> anonymous = () -> anonymous();
        for (Supplier<RequestSpecification> reader : List.of(anonymous, content)) {
            List<String> seen = everythingVisibleTo(reader, hidden, published, category, author, tag, word);
            assertThat(seen).doesNotContainAnyElementsOf(hidden).contains(published);
        }
        assertThat(everythingVisibleTo(preview, hidden, published, category, author, tag, word)).containsAll(hidden);
    }

    /** The slugs of articles (and the counts, as marker entries) that any read endpoint shows this reader. */
    private static List<String> everythingVisibleTo(Supplier<RequestSpecification> reader, List<String> hidden,
            String published, Object category, Object author, String tag, String word) {
        List<String> seen = new ArrayList<>();
        for (String slug : hidden) {
            if (invalid(reader.get()).get("/api/v1/articles/{slug}", slug).statusCode() == 200) {
                seen.add(slug);
            }
        }
        List<String> lists = List.of("/api/v1/articles?size=100&tag=" + tag,
                "/api/v1/articles?size=100&category=" + category,
                "/api/v1/articles?size=100&author=" + author,
                "/api/v1/articles?size=100&q=" + word,
                "/api/v1/articles?size=100&tag=" + tag + "&sort=title",
                "/api/v1/articles/" + published + "/related?size=100");
        for (String list : lists) {
            JsonPath page = reader.get().get(list).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.slug"));
            Integer total = page.get("meta.totalItems");
            if (total != null && total > 1 && !list.contains("related")) {
                seen.addAll(hidden.subList(0, Math.min(hidden.size(), total - 1))); // counted, so leaked
            }
        }
        JsonPath search = reader.get().get("/api/v1/search?q=" + word).then().statusCode(200).extract().jsonPath();
        seen.addAll(search.getList("articles.data.slug"));
        int faceted = search.getInt("facets.categories.find { it.slug == '" + category + "' }.count");
        if (faceted > 1) {
            seen.addAll(hidden.subList(0, Math.min(hidden.size(), faceted - 1)));
        }
        return seen;
    }

    private static String publish(Object category, Object author, String tag, String word, String status,
            String publishedAt) {
        Map<String, Object> input = articleInput(status);
        input.put("category", category);
        input.put("authors", List.of(author));
        input.put("tags", List.of(tag));
        input.put("title", "Story " + word + " " + unique("t"));
        if (publishedAt != null) {
            input.put("publishedAt", publishedAt);
        }
        return (String) createArticle(input).get("slug");
    }
}
