package io.headline.preview;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.createArticle;
import static io.headline.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PreviewResourceTests {

    @Test
    void shouldShowADraftToAnyoneWithItsPreviewLink() {
        Map<String, Object> draft = createArticle("draft");

        String url = admin().when().post("/api/v1/articles/{id}/preview-link", draft.get("id"))
                .then().statusCode(200)
                .body("url", startsWith("/api/v1/preview/"))
                .extract().path("url");

        anonymous().when().get(url).then().statusCode(200)
                .body("title", equalTo(draft.get("title")))
                .body("status", equalTo("draft"));
        anonymous().when().get("/api/v1/articles/{id}", draft.get("id")).then().statusCode(404);
    }

    @Test
    void shouldRefuseATamperedPreviewLinkWith401() {
        Map<String, Object> draft = createArticle("draft");
        String token = admin().when().post("/api/v1/articles/{id}/preview-link", draft.get("id"))
                .then().statusCode(200).extract().path("token");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        anonymous().when().get("/api/v1/preview/{token}", tampered).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldLetOnlyWritersMintPreviewLinks() {
        invalid(anonymous()).when().post("/api/v1/articles/{id}/preview-link", createArticle("draft").get("id"))
                .then().statusCode(401);
    }
}
