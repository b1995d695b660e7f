package io.headline.article;

import static io.headline.Api.admin;
import static io.headline.Api.articleInput;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createCategory;
import static org.assertj.core.api.Assertions.assertThat;

import io.headline.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** A category or author deleted while an article that uses it is written: one of the two wins, the other is told. */
@QuarkusTest
class ReferenceRaceTests {

    private static final int ROUNDS = 10;

    private static int write(Map<String, Object> article) {
        return admin().body(article).when().post("/api/v1/articles").then().extract().statusCode();
    }

    private static int delete(String collection, Object id) {
        return admin().when().delete("/api/v1/{collection}/{id}", collection, id).then().extract().statusCode();
    }

    @Test
    void shouldAnswer409ToTheLoserWhenACategoryIsDeletedWhileAnArticleIsFiledUnderIt() throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            Map<String, Object> category = createCategory();
            Map<String, Object> article = articleInput("draft");
            article.put("category", category.get("id"));
            calls.add(() -> delete("categories", category.get("id")));
            calls.add(() -> write(article));
        }

        assertOneWinnerPerRound(Concurrently.run(calls));
    }

    @Test
    void shouldAnswer409ToTheLoserWhenAnAuthorIsDeletedWhileAnArticleCreditsThem() throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            Map<String, Object> author = createAuthor();
            Map<String, Object> article = articleInput("draft");
            article.put("authors", List.of(author.get("id")));
            calls.add(() -> delete("authors", author.get("id")));
            calls.add(() -> write(article));
        }

        assertOneWinnerPerRound(Concurrently.run(calls));
    }

    /** Each round is (delete, write): the delete wins (the write finds nothing to refer to) or the write does. */
    private static void assertOneWinnerPerRound(List<Integer> statuses) {
        for (int i = 0; i < ROUNDS; i++) {
            int deleted = statuses.get(2 * i);
            int written = statuses.get(2 * i + 1);
            assertThat(List.of(deleted, written)).as("round %d (delete, write)", i)
                    .isIn(List.of(204, 422), List.of(204, 409), List.of(409, 201));
        }
    }
}
