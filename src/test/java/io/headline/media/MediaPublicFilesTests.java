package io.headline.media;

import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.media.MediaTesting.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.headline.Api;
import io.headline.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored files of public media are sent from the event loop, with the same answer as the resource gives. */
@QuarkusTest
class MediaPublicFilesTests {

    private static final String DIRECT = "headline_media_files_direct_total";

    @Test
    void shouldSendAStoredFileOfPublicMediaDirectlyWithTheSameAnswer() {
        var media = uploaded(Images.jpeg(700, 400), "image/jpeg", "direct.jpg");
        Map<String, Object> input = articleInput("published");
        input.put("featureImage", media.getString("id"));
        createArticle(input);
        String url = media.getString("url") + "?w=320&format=webp";

        ExtractableResponse<Response> first = Api.anonymous().when().get(url).then().statusCode(200).extract();
        double before = Metrics.value(DIRECT);
        ExtractableResponse<Response> second = Api.anonymous().when().get(url).then().statusCode(200)
                .contentType("image/webp")
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("sandbox"))
                .extract();
        Api.anonymous().header("If-None-Match", first.header("ETag")).when().get(url).then().statusCode(304);
        // HEAD is answered like GET, without the body (the contract documents GET).
        Api.invalid(Api.anonymous()).when().head(url).then().statusCode(200)
                .header("ETag", equalTo(first.header("ETag")));

        assertThat(Metrics.value(DIRECT) - before).isEqualTo(3.0);
        assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void shouldStopServingTheFilesOfMediaWhoseArticleIsUnpublishedAtOnce() {
        var media = uploaded(Images.jpeg(500, 300), "image/jpeg", "unpublished.jpg");
        Map<String, Object> input = articleInput("published");
        input.put("featureImage", media.getString("id"));
        String article = (String) createArticle(input).get("id");
        String url = media.getString("url") + "?w=160";
        Api.anonymous().when().get(url).then().statusCode(200);
        Api.anonymous().when().get(url).then().statusCode(200);

        Api.admin().when().post("/api/v1/articles/{id}/unpublish", article).then().statusCode(200);

        Api.anonymous().when().get(url).then().statusCode(404).contentType(not(containsString("image")));
    }
}
