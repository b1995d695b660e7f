package io.headline.media;

import static io.headline.Api.createAuthor;
import static io.headline.Api.createToken;
import static io.headline.media.MediaTesting.admin;
import static io.headline.media.MediaTesting.as;
import static io.headline.media.MediaTesting.fetch;
import static io.headline.media.MediaTesting.header;
import static io.headline.media.MediaTesting.upload;
import static io.headline.media.MediaTesting.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.headline.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MediaResourceTests {

    @Test
    void shouldStoreAnUploadWithWhatItsBytesSay() {
        byte[] jpeg = Images.jpeg(640, 480);

        var response = upload(admin(), jpeg, "image/jpeg", "harbour.jpg");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Location")).endsWith("/api/v1/media/" + response.path("id"));
        JsonPath media = response.jsonPath();
        assertThat(media.getString("contentType")).isEqualTo("image/jpeg");
        assertThat(media.getString("name")).isEqualTo("harbour.jpg");
        assertThat(media.getInt("width")).isEqualTo(640);
        assertThat(media.getInt("height")).isEqualTo(480);
        assertThat(media.getLong("bytes")).isEqualTo(jpeg.length);
        assertThat(media.getString("sha256")).matches("[0-9a-f]{64}");
        assertThat(media.getString("placeholder")).hasSizeGreaterThan(20);
        assertThat(media.getString("dominantColor")).matches("#[0-9a-f]{6}");
        assertThat(media.getString("url")).startsWith("/api/v1/media/" + media.getString("id") + "/");
        assertThat(media.getString("srcset")).contains("?w=160&format=auto 160w", "?w=640&format=auto 640w")
                .doesNotContain("960w");
    }

    @Test
    void shouldAnswerTheSameBytesWithTheMediaAlreadyThere() {
        byte[] png = Images.png(64, 64);
        String first = uploaded(png, "image/png", "a.png").getString("id");

        var again = upload(admin(), png, "image/png", "b.png");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.jsonPath().getString("id")).isEqualTo(first);
        assertThat(again.jsonPath().getString("name")).isEqualTo("a.png");
    }

    @Test
    void shouldAnswerConcurrentUploadsOfTheSameBytesWithOneMedia() throws Exception {
        byte[] jpeg = Images.jpeg(400, 300);

        List<io.restassured.response.ExtractableResponse<io.restassured.response.Response>> answers =
                io.headline.Concurrently.run(java.util.Collections.nCopies(4,
                        () -> upload(admin(), jpeg, "image/jpeg", "same.jpg")));

        assertThat(answers).extracting(r -> r.statusCode()).containsOnly(200, 201).contains(201);
        assertThat(answers).extracting(r -> r.jsonPath().getString("id")).containsOnly(answers.get(0).jsonPath().getString("id"));
    }

    @Test
    void shouldTakeAFormWithTextsAndAFocalPoint() {
        byte[] jpeg = Images.jpeg(320, 200);

        admin().multiPart("file", "boats.jpg", jpeg, "image/jpeg")
                .multiPart("alt", "Boats in the harbour")
                .multiPart("caption", "Morning")
                .multiPart("credit", "A. Photographer")
                .multiPart("focalPoint", "0.25,0.75")
                .when().post("/api/v1/media")
                .then().statusCode(201)
                .body("alt", equalTo("Boats in the harbour"))
                .body("caption", equalTo("Morning"))
                .body("credit", equalTo("A. Photographer"))
                .body("focalPoint.x", equalTo(0.25f))
                .body("focalPoint.y", equalTo(0.75f))
                .body("name", equalTo("boats.jpg"));
    }

    @Test
    void shouldApplyTheOrientationToThePixelsAndServeNoPrivateMetadataInAnyFormat() {
        // Stored sideways: red on the left, blue on the right; EXIF orientation 6 turns it upright, red on top.
        BufferedImage sideways = Images.picture(400, 200, g -> {
            g.setColor(Color.RED);
            g.fillRect(0, 0, 200, 200);
            g.setColor(Color.BLUE);
            g.fillRect(200, 0, 200, 200);
        });
        byte[] jpeg = Images.withPrivateMetadata(Images.encode(sideways, "jpg"), 6);
        assertThat(Images.contains(jpeg, Images.SECRET)).isTrue();

        JsonPath media = uploaded(jpeg, "image/jpeg", "sideways.jpg");
        assertThat(media.getInt("width")).isEqualTo(200);
        assertThat(media.getInt("height")).isEqualTo(400);

        byte[] original = fetch(admin(), media.getString("url"), 200);
        BufferedImage upright = Images.read(original);
        assertThat(upright.getWidth()).isEqualTo(200);
        assertThat(upright.getHeight()).isEqualTo(400);
        assertThat(new Color(upright.getRGB(100, 50)).getRed()).isGreaterThan(200);
        assertThat(new Color(upright.getRGB(100, 350)).getBlue()).isGreaterThan(200);
        assertPrivateMetadataGone(original);

        for (String format : List.of("jpeg", "png", "webp", "avif")) {
            byte[] rendition = fetch(admin(), media.getString("url") + "?w=160&format=" + format, 200);
            assertPrivateMetadataGone(rendition);
            Vips.Header header = header(rendition, format.equals("jpeg") ? "jpg" : format);
            assertThat(header.width()).as(format).isEqualTo(160);
            assertThat(header.height()).as(format).isEqualTo(320);
            assertThat(header.orientation()).as(format).isEqualTo(1);
        }
    }

    private static void assertPrivateMetadataGone(byte[] served) {
        assertThat(Images.contains(served, Images.SECRET)).as("the private mark").isFalse();
        assertThat(Images.contains(served, "Exif")).as("an EXIF block").isFalse();
        assertThat(Images.contains(served, "xmpmeta")).as("an XMP packet").isFalse();
        assertThat(Images.contains(served, "http://ns.adobe.com/xap")).as("an XMP packet").isFalse();
    }

    @Test
    void shouldServeRenditionsWithImmutableCachingAndRevalidation() {
        JsonPath media = uploaded(Images.jpeg(1000, 500), "image/jpeg", "wide.jpg");
        String url = media.getString("url") + "?w=320&format=webp";

        var first = admin().when().get(url).then().statusCode(200)
                .contentType("image/webp")
                .header("Cache-Control", containsString("immutable"))
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("ETag", matchesPattern("\"[0-9a-f]{16}-.+\""))
                .extract();
        String etag = first.header("ETag");
        admin().header("If-None-Match", etag).when().get(url).then().statusCode(304).header("ETag", equalTo(etag));
        admin().when().get(url).then().statusCode(200).header("ETag", equalTo(etag));

        admin().header("Accept", "image/avif,image/webp,*/*").when().get(media.getString("url") + "?w=320&format=auto")
                .then().statusCode(200).contentType("image/avif").header("Vary", containsString("Accept"));
        admin().header("Accept", "image/webp,*/*").when().get(media.getString("url") + "?w=320&format=auto")
                .then().statusCode(200).contentType("image/webp");
        admin().header("Accept", "*/*").when().get(media.getString("url") + "?w=320&format=auto")
                .then().statusCode(200).contentType("image/jpeg");
    }

    @Test
    void shouldCropACoverAroundTheFocalPointAndChangeTheUrlWhenItMoves() {
        // Grey, with a green band along the right edge.
        BufferedImage picture = Images.picture(800, 400, g -> {
            g.setColor(Color.GREEN);
            g.fillRect(700, 0, 100, 400);
        });
        JsonPath media = uploaded(Images.encode(picture, "png"), "image/png", "band.png");
        admin().contentType("application/merge-patch+json").body(Map.of("focalPoint", Map.of("x", 0.95, "y", 0.5)))
                .when().patch("/api/v1/media/{id}", media.getString("id")).then().statusCode(200);
        String right = admin().when().get("/api/v1/media/{id}", media.getString("id")).then().extract().path("url");
        assertThat(right).isNotEqualTo(media.getString("url"));
        admin().when().get(media.getString("url")).then().statusCode(404);

        BufferedImage kept = Images.read(fetch(admin(), right + "?w=160&h=160&fit=cover&format=png", 200));
        assertThat(kept.getWidth()).isEqualTo(160);
        assertThat(kept.getHeight()).isEqualTo(160);
        assertThat(new Color(kept.getRGB(150, 80)).getGreen()).as("the band at the focal point").isGreaterThan(200);

        admin().contentType("application/merge-patch+json").body(Map.of("focalPoint", Map.of("x", 0.05, "y", 0.5)))
                .when().patch("/api/v1/media/{id}", media.getString("id")).then().statusCode(200);
        String left = admin().when().get("/api/v1/media/{id}", media.getString("id")).then().extract().path("url");
        BufferedImage away = Images.read(fetch(admin(), left + "?w=160&h=160&fit=cover&format=png", 200));
        assertThat(new Color(away.getRGB(150, 80)).getGreen()).as("grey, far from the band").isLessThan(200);

        BufferedImage padded = Images.read(fetch(admin(), left + "?w=320&h=320&fit=contain&format=png", 200));
        assertThat(padded.getWidth()).isEqualTo(320);
        assertThat(padded.getHeight()).isEqualTo(320);
        BufferedImage inside = Images.read(fetch(admin(), left + "?w=320&h=320&format=png", 200));
        assertThat(inside.getWidth()).isEqualTo(320);
        assertThat(inside.getHeight()).isEqualTo(160);
    }

    @Test
    void shouldMakeARenditionOnceForConcurrentFirstRequests() throws Exception {
        String url = uploaded(Images.jpeg(1600, 1200), "image/jpeg", "once.jpg").getString("url") + "?w=960&format=avif";
        double before = io.headline.Metrics.value("headline_media_renditions_made_total");

        List<byte[]> answers = io.headline.Concurrently.run(java.util.Collections.nCopies(6,
                () -> admin().when().get(url).then().statusCode(200).extract().asByteArray()));

        assertThat(io.headline.Metrics.value("headline_media_renditions_made_total") - before).isEqualTo(1.0);
        assertThat(answers).allSatisfy(bytes -> assertThat(bytes).isEqualTo(answers.get(0)));
    }

    @Test
    void shouldServeUnpublishedMediaOnlyToTokensThatSeeUnpublishedContent() {
        JsonPath media = uploaded(Images.jpeg(200, 100), "image/jpeg", "draft.jpg");
        String url = media.getString("url");

        Api.anonymous().when().get(url).then().statusCode(404);
        as(createToken("content", null)).when().get(url).then().statusCode(404);
        as(createToken("preview", null)).when().get(url).then().statusCode(200)
                .header("Cache-Control", containsString("private"));
        Api.invalid(Api.anonymous()).when().get("/api/v1/media/{id}", media.getString("id")).then().statusCode(401);
    }

    @Test
    void shouldLetAnAuthorChangeOnlyItsOwnUploads() {
        String mine = createToken("author", (String) createAuthor().get("slug"));
        String theirs = createToken("author", (String) createAuthor().get("slug"));
        String id = upload(as(mine), Images.jpeg(100, 100), "image/jpeg", "mine.jpg").path("id");

        as(mine).contentType("application/merge-patch+json").body(Map.of("alt", "Mine"))
                .when().patch("/api/v1/media/{id}", id).then().statusCode(200).body("alt", equalTo("Mine"));
        as(theirs).contentType("application/merge-patch+json").body(Map.of("alt", "Theirs"))
                .when().patch("/api/v1/media/{id}", id).then().statusCode(403).contentType("application/problem+json");
        as(theirs).when().delete("/api/v1/media/{id}", id).then().statusCode(403);
        admin().contentType("application/merge-patch+json").body(Map.of("credit", "Desk"))
                .when().patch("/api/v1/media/{id}", id).then().statusCode(200).body("alt", equalTo("Mine"));
    }

    @Test
    void shouldDeleteMediaWithItsFiles() {
        JsonPath media = uploaded(Images.jpeg(200, 100), "image/jpeg", "gone.jpg");
        fetch(admin(), media.getString("url") + "?w=160", 200);

        admin().when().delete("/api/v1/media/{id}", media.getString("id")).then().statusCode(204);

        admin().when().get("/api/v1/media/{id}", media.getString("id")).then().statusCode(404);
        admin().when().get(media.getString("url")).then().statusCode(404);
        // The same bytes may come back as new media.
        admin().when().delete("/api/v1/media/{id}", media.getString("id")).then().statusCode(404);
    }

    @Test
    void shouldListMediaNewestFirstFilteredByTypeAndText() {
        String word = Api.unique("lighthouse");
        String png = admin().multiPart("file", word + ".png", Images.png(50, 50), "image/png")
                .when().post("/api/v1/media").then().statusCode(201).extract().path("id");
        String jpeg = uploaded(Images.jpeg(50, 50), "image/jpeg", word + ".jpg").getString("id");

        admin().queryParam("q", word.toUpperCase()).when().get("/api/v1/media").then().statusCode(200)
                .body("data.id", equalTo(List.of(jpeg, png)))
                .body("meta.totalItems", equalTo(2))
                .body("data[0].placeholder", notNullValue());
        admin().queryParam("q", word).queryParam("type", "png").when().get("/api/v1/media").then().statusCode(200)
                .body("data.id", equalTo(List.of(png)));
        admin().queryParam("q", word).queryParam("sort", "createdAt").when().get("/api/v1/media").then()
                .body("data.id", equalTo(List.of(png, jpeg)));
        Api.invalid(admin()).queryParam("type", "svg").when().get("/api/v1/media").then().statusCode(400)
                .body("detail", containsString("jpeg, png"));
    }
}
