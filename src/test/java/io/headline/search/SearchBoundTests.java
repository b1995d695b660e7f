package io.headline.search;

import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.headline.OwnDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A search covers its newest headline.search.candidates matches only: here 3, with more articles matching. */
@QuarkusTest
@TestProfile(SearchBoundTests.ThreeCandidates.class)
class SearchBoundTests {

    public static class ThreeCandidates implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("search-bound", Map.of("headline.search.candidates", "3"));
        }
    }

    /** A word no other test uses, of letters only, so that every search engine reads it as one word. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    /** Five articles with {@code word}, oldest first; the oldest has it in its title, the best match of all. */
    private static List<Map<String, Object>> fiveMatches(String word) {
        List<Map<String, Object>> created = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            Map<String, Object> input = articleInput("published");
            input.put("title", day == 1 ? "All about " + word : "Day " + day);
            input.put("body", day == 4 ? "In the title? No: " + word : "Some text with " + word + " inside.");
            input.put("publishedAt", "2020-01-0" + day + "T00:00:00Z");
            created.add(createArticle(input));
        }
        return created;
    }

    private static JsonPath get(String url) {
        return anonymous().when().get(url).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldRankAndPageTheNewestMatchesOnly() {
        String word = word();
        List<Map<String, Object>> created = fiveMatches(word);
        List<Object> newest = List.of(created.get(4).get("slug"), created.get(3).get("slug"), created.get(2).get("slug"));

        JsonPath first = get("/api/v1/articles?size=2&q=" + word);
        JsonPath second = get(first.getString("links.next"));

        List<Object> walked = new ArrayList<>(first.getList("data.slug"));
        walked.addAll(second.getList("data.slug"));
        assertThat(walked).containsExactlyInAnyOrderElementsOf(newest).doesNotHaveDuplicates();
        assertThat(first.getLong("meta.totalItems")).isEqualTo(3);
        assertThat(second.getString("meta.nextCursor")).isNull();
    }

    @Test
    void shouldCountFacetsOverTheSameMatches() {
        String word = word();
        List<Map<String, Object>> created = fiveMatches(word);

        JsonPath found = get("/api/v1/search?size=10&q=" + word);

        assertThat(found.getList("articles.data.slug"))
                .containsExactlyInAnyOrder(created.get(4).get("slug"), created.get(3).get("slug"),
                        created.get(2).get("slug"));
        assertThat(found.getLong("articles.meta.totalItems")).isEqualTo(3);
        assertThat(found.getList("facets.categories.slug")).containsExactlyInAnyOrder(
                slugOfCategory(created.get(4)), slugOfCategory(created.get(3)), slugOfCategory(created.get(2)));
    }

    @SuppressWarnings("unchecked")
    private static Object slugOfCategory(Map<String, Object> article) {
        return ((Map<String, Object>) article.get("category")).get("slug");
    }
}
