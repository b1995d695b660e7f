package io.headline.preview;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createAuthor;
import static io.headline.Api.createToken;
import static io.headline.Api.withToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A preview shows a draft only to whom its link was given, and only an article's editors may give it. */
@QuarkusTest
class PreviewAccessTests {

    private static final String LINK = "/api/v1/articles/{id}/preview-link";

    /** An article credited to {@code author}, written by an editor. */
    private static Object articleBy(Object author, String status) {
        Map<String, Object> input = articleInput(status);
        input.put("authors", List.of(author));
        return createArticle(input).get("id");
    }

    @Test
    void shouldKeepAPreviewReadOutOfSharedCaches() {
        String url = admin().when().post(LINK, createArticle("draft").get("id")).then().statusCode(200)
                .extract().path("url");

        anonymous().when().get(url).then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .header("Surrogate-Key", nullValue());
    }

    @Test
    void shouldMintAnAuthorAPreviewLinkForItsOwnDraft() {
        Object author = createAuthor().get("slug");

        withToken(createToken("author", (String) author)).when().post(LINK, articleBy(author, "draft"))
                .then().statusCode(200);
    }

    @Test
    void shouldRefuseAnAuthorAPreviewLinkForAnotherAuthorsDraft() {
        String token = createToken("author", (String) createAuthor().get("slug"));

        withToken(token).when().post(LINK, articleBy(createAuthor().get("slug"), "draft"))
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void shouldRefuseAnAuthorAPreviewLinkForItsPublishedArticle() {
        Object author = createAuthor().get("slug");

        withToken(createToken("author", (String) author)).when().post(LINK, articleBy(author, "published"))
                .then().statusCode(403).contentType("application/problem+json");
    }
}
