package io.headline.media;

import static io.headline.Api.articleInput;
import static io.headline.Api.createToken;
import static io.headline.media.MediaTesting.fetch;
import static io.headline.media.MediaTesting.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.headline.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Media in articles (issue #18): feature images and media:{id} in bodies, and what they make public. */
@QuarkusTest
class ArticleMediaTests {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static JsonPath image(int width, int height, String alt) {
        JsonPath media = uploaded(Images.jpeg(width, height), "image/jpeg", "lead.jpg");
        if (alt != null) {
            MediaTesting.admin().contentType(MERGE_PATCH).body(Map.of("alt", alt))
                    .when().patch("/api/v1/media/{id}", media.getString("id")).then().statusCode(200);
        }
        return media;
    }

    private static JsonPath create(Map<String, Object> input) {
        return Api.admin().body(input).when().post("/api/v1/articles").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void shouldShowAMediaFeatureImageWithEverythingAnImgNeeds() {
        JsonPath media = image(1400, 700, "A harbour at dawn");
        Map<String, Object> input = articleInput("draft");
        input.put("featureImage", media.getString("id"));

        JsonPath article = create(input);

        assertThat(article.getString("featureImage.id")).isEqualTo(media.getString("id"));
        assertThat(article.getString("featureImage.url")).isEqualTo(media.getString("url"));
        assertThat(article.getInt("featureImage.width")).isEqualTo(1400);
        assertThat(article.getInt("featureImage.height")).isEqualTo(700);
        assertThat(article.getString("featureImage.alt")).isEqualTo("A harbour at dawn");
        assertThat(article.getString("featureImage.placeholder")).isEqualTo(media.getString("placeholder"));
        assertThat(article.getString("featureImage.srcset")).isEqualTo(media.getString("srcset"))
                .contains("?w=1280&format=auto 1280w");
        assertThat(article.getString("featureImage.sizes")).isEqualTo("(max-width: 1280px) 100vw, 1280px");
        assertThat(article.getString("featureImageUrl")).isEqualTo(media.getString("url"));

        JsonPath read = Api.admin().when().get("/api/v1/articles/{id}", article.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("featureImage.srcset")).isEqualTo(media.getString("srcset"));
        // A revision keeps the media id, so that a restore brings the media back.
        Api.admin().when().get("/api/v1/articles/{id}/revisions/1", article.getString("id")).then().statusCode(200)
                .body("snapshot.featureImage", equalTo(media.getString("id")));
    }

    @Test
    void shouldListFeatureImagesAndSelectThemWithFields() {
        JsonPath media = image(640, 480, null);
        Map<String, Object> input = articleInput("published");
        input.put("featureImage", media.getString("id"));
        String id = create(input).getString("id");

        Api.admin().queryParam("fields", "featureImage").when().get("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("featureImage.id", equalTo(media.getString("id")))
                .body("featureImageUrl", equalTo(null))
                .body("title", equalTo(null));
        Api.anonymous().queryParam("fields", "title,featureImage").queryParam("category", input.get("category"))
                .when().get("/api/v1/articles").then().statusCode(200)
                .body("data.featureImage.srcset", hasItem(media.getString("srcset")));
    }

    @Test
    void shouldMakeTheFileOfAFeatureImagePublicOnlyOnceTheArticleIs() {
        JsonPath media = image(320, 200, null);
        Map<String, Object> input = articleInput("draft");
        input.put("featureImage", media.getString("id"));
        String id = create(input).getString("id");

        fetch(Api.anonymous(), media.getString("url"), 404);

        Api.admin().when().post("/api/v1/articles/{id}/publish", id).then().statusCode(200)
                .body("featureImage.id", equalTo(media.getString("id")));

        fetch(Api.anonymous(), media.getString("url"), 200);
        fetch(Api.anonymous(), media.getString("url") + "?w=160&format=auto", 200);

        Api.admin().when().post("/api/v1/articles/{id}/unpublish", id).then().statusCode(200);
        fetch(Api.anonymous(), media.getString("url"), 404);
    }

    @Test
    void shouldRenderAMediaReferenceInTheBodyToAnImgWithSrcset() {
        JsonPath media = image(1200, 800, "Its own alt");
        JsonPath other = image(300, 200, "The other's alt");
        Map<String, Object> input = articleInput("published");
        input.put("body", "Before.\n\n![Boats in the harbour](media:" + media.getString("id") + ")\n\n"
                + "![](media:" + other.getString("id") + ")\n\n<img src=\"https://example.com/a.jpg\" srcset=\"x 1w\" "
                + "loading=\"eager\">");

        String html = create(input).getString("bodyHtml");

        List<Element> images = Jsoup.parseBodyFragment(html).select("img");
        assertThat(images).hasSize(3);
        Element first = images.get(0);
        assertThat(first.attr("src")).isEqualTo(media.getString("url") + "?w=960&format=auto");
        assertThat(first.attr("srcset")).isEqualTo(media.getString("srcset"));
        assertThat(first.attr("sizes")).isEqualTo("(max-width: 960px) 100vw, 960px");
        assertThat(first.attr("width")).isEqualTo("1200");
        assertThat(first.attr("height")).isEqualTo("800");
        assertThat(first.attr("loading")).isEqualTo("lazy");
        assertThat(first.attr("alt")).isEqualTo("Boats in the harbour");
        Element second = images.get(1);
        assertThat(second.attr("src")).isEqualTo(other.getString("url") + "?w=160&format=auto");
        assertThat(second.attr("alt")).isEqualTo("The other's alt");
        // An author's own <img> keeps no srcset or loading: only media images carry what the server made.
        assertThat(images.get(2).attributes().asList()).extracting(a -> a.getKey()).containsExactly("src");

        fetch(Api.anonymous(), media.getString("url"), 200);
        fetch(Api.anonymous(), other.getString("url"), 200);
    }

    @Test
    void shouldRefuseMediaThatDoesNotExistOrIsNotAnImage() {
        Map<String, Object> unknown = articleInput("draft");
        unknown.put("featureImage", UUID.randomUUID().toString());
        Api.admin().body(unknown).when().post("/api/v1/articles").then().statusCode(422)
                .body("errors.field", hasItem("featureImage"));

        Map<String, Object> inBody = articleInput("draft");
        inBody.put("body", "![x](media:" + UUID.randomUUID() + ")");
        Api.admin().body(inBody).when().post("/api/v1/articles").then().statusCode(422)
                .body("errors.field", hasItem("body"));

        JsonPath pdf = uploaded(("%PDF-1.4\n" + UUID.randomUUID() + "\n%%EOF\n").getBytes(), "application/pdf", "a.pdf");
        Map<String, Object> document = articleInput("draft");
        document.put("featureImage", pdf.getString("id"));
        Api.admin().body(document).when().post("/api/v1/articles").then().statusCode(422)
                .body("errors.field", hasItem("featureImage"));

        JsonPath media = image(200, 100, null);
        Map<String, Object> both = articleInput("draft");
        both.put("featureImage", media.getString("id"));
        both.put("featureImageUrl", "https://example.com/other.jpg");
        Api.admin().body(both).when().post("/api/v1/articles").then().statusCode(422)
                .body("errors.field", hasItem("featureImageUrl"));
    }

    @Test
    void shouldKeepMediaAnArticleUsesFromBeingDeleted() {
        JsonPath media = image(200, 100, null);
        Map<String, Object> input = articleInput("draft");
        input.put("body", "![x](media:" + media.getString("id") + ")");
        String id = create(input).getString("id");

        MediaTesting.admin().when().delete("/api/v1/media/{id}", media.getString("id")).then().statusCode(409);

        Api.admin().contentType(MERGE_PATCH).body(Map.of("body", "No image now."))
                .when().patch("/api/v1/articles/{id}", id).then().statusCode(200);
        MediaTesting.admin().when().delete("/api/v1/media/{id}", media.getString("id")).then().statusCode(204);
    }

    @Test
    void shouldTakeMediaInAnImportedArticleAsInOneWrittenThroughTheApi() throws Exception {
        JsonPath media = image(300, 200, "Harbour");
        String id = media.getString("id");
        Map<String, Object> input = articleInput("published");
        input.put("body", "Before.\n\n![](media:" + id + ")");
        input.put("featureImage", id);
        JsonPath written = create(input);
        Map<String, Object> line = new java.util.HashMap<>(input);
        line.put("type", "article");
        line.put("slug", Api.unique("imported"));

        Api.admin().contentType("application/x-ndjson")
                .body((new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(line) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/import").then().statusCode(200).body("failed", equalTo(0));

        JsonPath imported = Api.admin().when().get("/api/v1/articles/{slug}", line.get("slug")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(imported.getString("bodyHtml")).contains("srcset=").isEqualTo(written.getString("bodyHtml"));
        assertThat(imported.getMap("featureImage")).isEqualTo(written.getMap("featureImage"));
        Api.admin().when().delete("/api/v1/articles/{id}", written.getString("id")).then().statusCode(204);
        // The imported article's use of the media was recorded as the API's is: it keeps the media from being deleted.
        MediaTesting.admin().when().delete("/api/v1/media/{id}", id).then().statusCode(409);
    }

    @Test
    void shouldRenderTheBodyAgainWhenTheMediaItShowsChanges() {
        JsonPath media = image(400, 300, "Old alt");
        Map<String, Object> input = articleInput("published");
        input.put("body", "![](media:" + media.getString("id") + ")");
        input.put("featureImage", media.getString("id"));
        String id = create(input).getString("id");
        String oldEtag = Api.anonymous().when().get("/api/v1/articles/{id}", id).then().statusCode(200)
                .extract().header("ETag");

        MediaTesting.admin().contentType(MERGE_PATCH).body(Map.of("alt", "New alt", "focalPoint", Map.of("x", 0.2, "y", 0.3)))
                .when().patch("/api/v1/media/{id}", media.getString("id")).then().statusCode(200);
        String url = MediaTesting.admin().when().get("/api/v1/media/{id}", media.getString("id")).then()
                .statusCode(200).extract().path("url");

        var read = Api.anonymous().when().get("/api/v1/articles/{id}", id).then().statusCode(200).extract();
        Element img = Jsoup.parseBodyFragment(read.path("bodyHtml")).selectFirst("img");
        assertThat(img.attr("alt")).isEqualTo("New alt");
        assertThat(url).isNotEqualTo(media.getString("url"));
        assertThat(img.attr("src")).startsWith(url + "?w=");
        assertThat((String) read.path("featureImage.alt")).isEqualTo("New alt");
        assertThat(read.header("ETag")).isNotEqualTo(oldEtag);
    }

    @Test
    void shouldKeepTakingAFeatureImageUrl() {
        Map<String, Object> byUrl = articleInput("draft");
        byUrl.put("featureImageUrl", "https://example.com/lead.jpg");
        JsonPath article = create(byUrl);
        assertThat(article.getString("featureImageUrl")).isEqualTo("https://example.com/lead.jpg");
        assertThat(article.getMap("featureImage")).containsExactly(Map.entry("url", "https://example.com/lead.jpg"));

        Map<String, Object> asFeatureImage = articleInput("draft");
        asFeatureImage.put("featureImage", "https://example.com/other.jpg");
        assertThat(create(asFeatureImage).getString("featureImageUrl")).isEqualTo("https://example.com/other.jpg");

        // A patch of either form replaces the other.
        JsonPath media = image(200, 100, null);
        Api.admin().contentType(MERGE_PATCH).body(Map.of("featureImage", media.getString("id")))
                .when().patch("/api/v1/articles/{id}", article.getString("id")).then().statusCode(200)
                .body("featureImage.id", equalTo(media.getString("id")));
        Api.admin().contentType(MERGE_PATCH).body(Map.of("featureImageUrl", "https://example.com/back.jpg"))
                .when().patch("/api/v1/articles/{id}", article.getString("id")).then().statusCode(200)
                .body("featureImage.id", equalTo(null))
                .body("featureImageUrl", equalTo("https://example.com/back.jpg"));
        MediaTesting.admin().when().delete("/api/v1/media/{id}", media.getString("id")).then().statusCode(204);
    }

    @Test
    void shouldLetAnAuthorTokenNameMediaInItsDraft() {
        String author = (String) Api.createAuthor().get("slug");
        String token = createToken("author", author);
        JsonPath media = image(200, 100, null);
        Map<String, Object> input = articleInput("draft");
        input.put("authors", List.of(author));
        input.put("featureImage", media.getString("id"));

        Api.withToken(token).body(input).when().post("/api/v1/articles").then().statusCode(201)
                .body("featureImage.id", equalTo(media.getString("id")));
    }

    @Test
    void shouldCarryTheFeatureImageIntoGhostAndFeeds() {
        JsonPath media = image(640, 480, "Ghost alt");
        MediaTesting.admin().contentType(MERGE_PATCH).body(Map.of("caption", "Ghost caption"))
                .when().patch("/api/v1/media/{id}", media.getString("id")).then().statusCode(200);
        String url = MediaTesting.admin().when().get("/api/v1/media/{id}", media.getString("id")).then()
                .extract().path("url");
        Map<String, Object> input = articleInput("published");
        input.put("featureImage", media.getString("id"));
        input.put("body", "A picture:\n\n![Boats](media:" + media.getString("id") + ")");
        String slug = create(input).getString("slug");

        String key = createToken("content", null);
        io.restassured.RestAssured.given().noFilters().queryParam("key", key).header("Accept-Version", "v5.0")
                .when().get("/ghost/api/content/posts/slug/{slug}/", slug).then().statusCode(200)
                .body("posts[0].feature_image", equalTo(url))
                .body("posts[0].feature_image_alt", equalTo("Ghost alt"))
                .body("posts[0].feature_image_caption", equalTo("Ghost caption"));

        String feed = Api.anonymous().accept("application/feed+json")
                .when().get("/feeds/categories/{slug}/feed.json", input.get("category")).then().statusCode(200)
                .extract().asString();
        assertThat(feed).contains("\"image\":\"http://localhost:").contains(url + "\"");
        // Body images too: a feed reader has no base to resolve a path against.
        String rss = Api.anonymous().accept("application/rss+xml")
                .when().get("/feeds/categories/{slug}/rss.xml", input.get("category")).then().statusCode(200)
                .extract().asString();
        assertThat(rss).contains("src=\"http://localhost:").contains("320w, http://localhost:")
                .doesNotContain("\"" + url).doesNotContain(", " + url);
    }
}
