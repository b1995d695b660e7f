package io.headline.demo;

import static io.headline.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoContentTests {

    @Test
    void shouldServeTheSampleArticleBySlug() throws IOException {
        String body = anonymous().when().get("/api/v1/articles/extraction-sequel-in-the-works")
                .then().statusCode(200)
                .body("title", equalTo("Extraction sequel in the works"))
                .body("category.name", equalTo("News"))
                .body("authors.name", contains("Newsdesk"))
                .body("publishedAt", equalTo("2020-01-01T00:00:00Z"))
                .body("status", equalTo("published"))
                .extract().path("body");

        String captured = resource("demo/000_33f8a5e074678ab4.txt");
        assertThat(body.split("\n\n")).hasSize(9)
                .startsWith("Joe Russo has been tapped to write a sequel to Chris Hemsworth's Netflix movie Extraction.")
                .endsWith(captured.substring(captured.lastIndexOf("Over the weekend")).strip());
        assertThat(body).contains("\"The deal is closed for me to write Extraction 2,");
    }

    @Test
    void shouldKeepDemoDraftsPrivate() {
        anonymous().when().get("/api/v1/articles/coming-soon-our-weekly-podcast").then().statusCode(404);
    }

    @Test
    void shouldSplitACapturedPageIntoParagraphs() {
        String captured = " date 2020-01-01 NEWS Title Byline Share with :\n\n\n\nFirst  line.\n\n \n\n\"Second,\" she said.\n";

        assertThat(DemoContent.capturedBody(captured)).isEqualTo("First  line.\n\n\"Second,\" she said.");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoContentTests.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
