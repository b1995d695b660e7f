package io.headline.article;

import static io.headline.Api.admin;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createToken;
import static io.headline.Api.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only editors decide when an article goes out; publishing a draft stamps the moment it is published. */
@QuarkusTest
class PublicationTimeTests {

    private static final String BACKDATED = "2001-01-01T00:00:00Z";

    @Test
    void shouldRefuseAnAuthorThatSetsPublishedAtOnItsDraft() {
        Object author = createAuthor().get("slug");
        Map<String, Object> input = articleInput("draft");
        input.put("authors", List.of(author));
        input.put("publishedAt", BACKDATED);

        withToken(createToken("author", (String) author)).body(input).when().post("/api/v1/articles")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void shouldLetAnAuthorPatchItsDraftThatAnEditorDated() {
        Object author = createAuthor().get("slug");
        Map<String, Object> input = articleInput("draft");
        input.put("authors", List.of(author));
        input.put("publishedAt", BACKDATED);
        Object id = createArticle(input).get("id");

        withToken(createToken("author", (String) author)).contentType("application/merge-patch+json")
                .body(Map.of("subtitle", "Edited")).when().patch("/api/v1/articles/{id}", id)
                .then().statusCode(200).body("publishedAt", equalTo(BACKDATED));
    }

    @Test
    void shouldStampNowWhenADatedDraftIsPublishedWithoutATime() {
        Map<String, Object> input = articleInput("draft");
        input.put("publishedAt", BACKDATED);
        Map<String, Object> draft = createArticle(input);

        String publishedAt = admin().when().post("/api/v1/articles/{id}/publish", draft.get("id"))
                .then().statusCode(200).extract().path("publishedAt");

        assertThat(Instant.parse(publishedAt)).isAfterOrEqualTo(Instant.parse((String) draft.get("updatedAt")));
    }
}
