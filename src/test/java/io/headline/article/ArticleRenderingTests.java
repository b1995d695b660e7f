package io.headline.article;

import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createToken;
import static io.headline.Api.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleRenderingTests {

    private static String publish(String body, String excerpt) {
        Map<String, Object> input = articleInput("published");
        input.put("body", body);
        if (excerpt != null) {
            input.put("excerpt", excerpt);
        }
        input.put("featureImageUrl", "https://example.com/lead.jpg");
        return (String) createArticle(input).get("slug");
    }

    @Test
    void shouldServeSanitizedHtmlAndComputedFieldsWithTheMarkdown() {
        String slug = publish("Hello **world** <script>alert(1)</script>\n\nSecond paragraph here.", null);

        anonymous().when().get("/api/v1/articles/{slug}", slug)
                .then().statusCode(200)
                .body("bodyHtml", equalTo("<p>Hello <strong>world</strong> </p>\n<p>Second paragraph here.</p>\n"))
                .body("body", equalTo("Hello **world** <script>alert(1)</script>\n\nSecond paragraph here."))
                .body("$", not(hasKey("bodyText")))
                .body("wordCount", equalTo(5))
                .body("readingTimeMinutes", equalTo(1))
                .body("excerpt", equalTo("Hello world Second paragraph here."))
                .body("seo.metaDescription", equalTo("Hello world Second paragraph here."))
                .body("seo.ogImage", equalTo("https://example.com/lead.jpg"))
                .body("seo.canonicalUrl", equalTo("https://news.example.com/" + slug));
    }

    /** 100,000 autolinks took seconds of CPU and hundreds of MB to sanitize (issue 7); see PathologicalBodyTests. */
    @Test
    void shouldRefuseABodyOfTooManyTagsFromAnAuthorAsAnInvalidBody() {
        Map<String, Object> input = articleInput("draft");
        String author = (String) ((java.util.List<?>) input.get("authors")).get(0);
        input.put("body", "<http://a>".repeat(100_000));

        withToken(createToken("author", author)).body(input).when().post("/api/v1/articles")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("renders to more than 100000 HTML tags"));
    }

    @Test
    void shouldChooseBodyFormsWithFormats() {
        String slug = publish("Plain *text*.", "Given excerpt.");

        Map<String, Object> article = anonymous().when().get("/api/v1/articles/{slug}?formats=plaintext", slug)
                .then().statusCode(200).body("excerpt", equalTo("Given excerpt.")).extract().jsonPath().getMap("");
        assertThat(article).containsEntry("bodyText", "Plain text.").doesNotContainKeys("body", "bodyHtml");

        Map<String, Object> listed = anonymous().when().get("/api/v1/articles?formats=html&fields=slug&size=100")
                .then().statusCode(200).extract().jsonPath().getMap("data.find { it.slug == '" + slug + "' }");
        assertThat(listed).containsOnlyKeys("id", "slug", "bodyHtml");
    }
}
