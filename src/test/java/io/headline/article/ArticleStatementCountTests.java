package io.headline.article;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** A page of articles with everything embedded costs a small constant number of SQL statements: no N+1. */
@QuarkusTest
class ArticleStatementCountTests {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void shouldListAPageWithIncludesInTheSameFewStatementsWhateverItsSize() {
        String tag = unique("n-plus-one");
        Map<String, Object> parent = createCategory();
        for (int i = 0; i < 100; i++) {
            // Every article gets its own category (with a parent) and two authors of its own: the worst case.
            Object category = createCategory(Map.of("name", unique("Section"), "parent", parent.get("slug"))).get("slug");
            admin().body(Map.of("title", unique("Counted"), "status", "published", "category", category,
                            "authors", List.of(createAuthor().get("slug"), createAuthor().get("slug")), "tags", List.of(tag, "x")))
                    .when().post("/api/v1/articles").then().statusCode(201);
        }

        long ten = statementsFor("size=10&include=authors,category&tag=" + tag);
        long hundred = statementsFor("size=100&include=authors,category&tag=" + tag);

        assertThat(hundred).isEqualTo(ten).isLessThanOrEqualTo(6);
    }

    private long statementsFor(String query) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        List<Object> data = anonymous().when().get("/api/v1/articles?" + query).then().statusCode(200)
                .extract().jsonPath().getList("data");
        assertThat(data).isNotEmpty();
        return statistics.getPrepareStatementCount();
    }
}
