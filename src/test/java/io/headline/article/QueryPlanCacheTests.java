package io.headline.article;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.headline.delivery.ResponseCache;
import io.headline.invalidation.ContentChanged;
import io.headline.media.Images;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A read's queries are translated to SQL once and kept (Hibernate's query plan cache), not on every run: they have no
 * parameter that may bind a list (a list parameter, an IN list of a single parameter, a function's last argument,
 * which Hibernate takes for varargs; see InList and ListQuery), for which Hibernate keeps no plan, and their IN lists
 * come in a few sizes (see InList).
 */
@QuarkusTest
class QueryPlanCacheTests {

    private static final String READ = "/api/v1/articles?count=false&fields=id,wordCount,tags";

    @Inject
    SessionFactory sessions;

    @Inject
    ResponseCache responses;

    @Test
    void shouldKeepTheTranslationOfAListFilteredByTagsForPagesOfOtherSizes() {
        String first = tagged(3);
        String second = tagged(4);
        // What runs once after writes and reads (the response cache's next publication) has kept its plan by then.
        anonymous().when().get("/api/v1/articles?size=1").then().statusCode(200);

        int before = cachedPlans();
        read(first); // 3 tags and 3 ids, as 4 parameters each
        int after = cachedPlans();
        read(second); // 3 tags and 4 ids

        // Its credits' plan (4 ids) may have been kept by an earlier read; its page's is new.
        assertThat(after).as("the first read keeps the plan of its page").isGreaterThan(before);
        assertThat(cachedPlans()).as("the second read finds them").isEqualTo(after);
    }

    /**
     * Each public read, made again, runs every query on a kept plan: none is translated again. A query Hibernate does
     * not keep (a list parameter, or {@code in (:p)} with one parameter, which may bind a list) finds its HQL parsed
     * but translates it to SQL each time; it shows as an execution without a plan-cache hit.
     */
    @Test
    void shouldTranslateNoQueryOfAPublicReadAgainWhenItIsMadeAgain() {
        Map<String, Object> parent = createCategory();
        Map<String, Object> leaf = createCategory(Map.of("name", unique("Leaf"), "parent", parent.get("slug")));
        Map<String, Object> author = createAuthor();
        String tag = unique("plans");
        String other = unique("plans");
        String word = unique("zebra").replace("-", "");
        String media = admin().contentType("image/jpeg").header("Content-Disposition", "attachment; filename=\"a.jpg\"")
                .body(Images.jpeg(40, 20)).when().post("/api/v1/media").then().statusCode(201).extract().path("id");
        List<Map<String, Object>> articles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> input = articleInput("published");
            input.put("category", leaf.get("slug"));
            input.put("authors", List.of(author.get("slug")));
            input.put("tags", i == 0 ? List.of(tag) : List.of(tag, other));
            input.put("body", "A " + word + " grazes.");
            if (i == 0) {
                input.put("featureImage", media);
            }
            articles.add(createArticle(input));
        }
        String slug = (String) articles.get(0).get("slug");
        String id = (String) articles.get(0).get("id");
        String cursor = anonymous().when().get("/api/v1/articles?size=1&category=" + leaf.get("slug"))
                .then().statusCode(200).extract().path("meta.nextCursor");

        List<String> reads = List.of(
                "/api/v1/articles/" + slug,
                "/api/v1/articles/" + id,
                "/api/v1/articles/" + slug + "?fields=title,featureImage,seo&formats=html",
                "/api/v1/articles",
                "/api/v1/articles?include=authors,category&size=20",
                "/api/v1/articles?fields=id,title,tags,featureImage&size=2&page=2",
                "/api/v1/articles?sort=title&formats=markdown,plaintext",
                "/api/v1/articles?category=" + leaf.get("slug"),
                "/api/v1/articles?category=" + parent.get("slug"),
                "/api/v1/articles?category=" + parent.get("slug") + "&includeSubcategories=false",
                "/api/v1/articles?author=" + author.get("slug"),
                "/api/v1/articles?tag=" + tag,
                "/api/v1/articles?tag=" + tag + "&tag=" + other,
                "/api/v1/articles?size=1&category=" + leaf.get("slug") + "&cursor=" + cursor,
                "/api/v1/articles?q=" + word,
                "/api/v1/articles?q=" + word + "&sort=-relevance",
                "/api/v1/search?q=" + word,
                "/api/v1/articles/" + slug + "/related",
                "/api/v1/authors/" + author.get("slug"),
                "/api/v1/categories/" + leaf.get("slug"),
                "/api/v1/categories");

        Map<String, Long> translated = new TreeMap<>();
        for (String read : reads) {
            get(read);
            get(read);
            translated.putAll(translatedAgain(read));
        }
        assertThat(translated).as("queries translated to SQL again, by read").isEmpty();
    }

    /**
     * The queries {@code read} translates to SQL again when made again, with how many times. A query that another
     * thread runs meanwhile (a scheduled change's) may straddle a count and look so once: only what does so three
     * times over is.
     */
    private Map<String, Long> translatedAgain(String read) {
        Map<String, Long> again = null;
        for (int attempt = 0; attempt < 3 && (again == null || !again.isEmpty()); attempt++) {
            Map<String, long[]> before = queries();
            get(read);
            Map<String, Long> found = new TreeMap<>();
            queries().forEach((query, after) -> {
                long[] was = before.getOrDefault(query, new long[2]);
                long hits = after[1] - was[1];
                // Each run looks its HQL up (a hit, once parsed), then its plan when Hibernate keeps one (a hit too).
                // A run that streams its rows is not counted as an execution.
                long runs = Math.max(after[0] - was[0], (hits + 1) / 2);
                if (runs - (hits - runs) > 0) {
                    found.put(read + " -> " + query, runs - (hits - runs));
                }
            });
            if (again != null) {
                found.keySet().retainAll(again.keySet());
            }
            again = found;
        }
        return again;
    }

    private void get(String path) {
        // Past the response cache, to the queries.
        responses.invalidate(Set.of(ContentChanged.EVERYTHING));
        anonymous().when().get(path).then().statusCode(200);
    }

    /** Per HQL query: its executions and plan-cache hits so far. */
    private Map<String, long[]> queries() {
        Statistics statistics = sessions.getStatistics();
        Map<String, long[]> counts = new HashMap<>();
        for (String query : statistics.getQueries()) {
            QueryStatistics q = statistics.getQueryStatistics(query);
            counts.put(query, new long[] {q.getExecutionCount(), q.getPlanCacheHitCount()});
        }
        return counts;
    }

    private static void read(String tag) {
        anonymous().when().get(READ + "&tag=" + tag + "&tag=" + unique("none") + "&tag=" + unique("none"))
                .then().statusCode(200);
    }

    private int cachedPlans() {
        return sessions.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }

    private static String tagged(int count) {
        String tag = unique("plans");
        for (int i = 0; i < count; i++) {
            Map<String, Object> input = articleInput("published");
            input.put("tags", List.of(tag));
            createArticle(input);
        }
        return tag;
    }
}
