package io.headline.article;

import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * A read's queries are translated to SQL once and kept (Hibernate's query plan cache), not on every run: they bind
 * no list parameter (Hibernate keeps no plan for one), and their IN lists come in a few sizes (see InList).
 */
@QuarkusTest
class QueryPlanCacheTests {

    private static final String READ = "/api/v1/articles?count=false&fields=id,wordCount,tags";

    @Inject
    SessionFactory sessions;

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
