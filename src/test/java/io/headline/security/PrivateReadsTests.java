package io.headline.security;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createToken;
import static io.headline.Api.invalid;
import static io.headline.Api.withToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.headline.OwnDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With public reads switched off, every read needs at least a content token, like a delivery API key. */
@QuarkusTest
@TestProfile(PrivateReadsTests.PublicReadsOff.class)
class PrivateReadsTests {

    public static class PublicReadsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("private-reads", Map.of("headline.public-reads", "false",
                    "headline.demo-content", "false"));
        }
    }

    @Test
    void shouldRefuseAnonymousReads() {
        invalid(anonymous()).when().get("/api/v1/articles").then().statusCode(401)
                .body("type", equalTo("/problems/unauthorized"));
        invalid(anonymous()).when().get("/api/v1/search?q=x").then().statusCode(401);
        invalid(anonymous()).when().get("/feeds/rss.xml").then().statusCode(401);
        invalid(anonymous()).when().get("/sitemap.xml").then().statusCode(401);
    }

    @Test
    void shouldServeMediaFilesOfPublishedArticlesOnlyWithATokenAndNeverToASharedCache() throws Exception {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(64, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, java.util.concurrent.ThreadLocalRandom.current().nextInt(0xffffff));
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpg", jpeg);
        String url = admin().contentType("image/jpeg").header("Content-Disposition", "attachment; filename=\"p.jpg\"")
                .body(jpeg.toByteArray()).when().post("/api/v1/media").then().statusCode(201).extract().path("url");
        String id = url.split("/")[4];
        Map<String, Object> input = articleInput("published");
        input.put("featureImage", id);
        createArticle(input);
        String content = createToken("content", null);

        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer " + content).when().get(url + "?w=160").then().statusCode(200)
                    .header("Cache-Control", org.hamcrest.Matchers.startsWith("private"));
        }
        invalid(anonymous()).when().get(url + "?w=160").then().statusCode(401);
        invalid(anonymous()).when().get(url).then().statusCode(401);
    }

    @Test
    void shouldServeReadsToAContentToken() {
        withToken(createToken("content", null)).when().get("/api/v1/articles").then().statusCode(200);
    }
}
