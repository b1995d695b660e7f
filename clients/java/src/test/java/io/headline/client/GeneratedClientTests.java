package io.headline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.headline.client.api.ArticlesApi;
import io.headline.client.api.ArticlesApi.APIGetArticleRequest;
import io.headline.client.api.ArticlesApi.APIListArticlesRequest;
import io.headline.client.model.Article;
import io.headline.client.model.ArticleInput;
import io.headline.client.model.ArticleField;
import io.headline.client.model.ArticlePatch;
import io.headline.client.model.ArticleSort;
import io.headline.client.model.ArticleStatus;
import io.headline.client.model.FieldError;
import io.headline.client.model.PageArticleView;
import io.headline.client.model.Problem;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The client openapi-generator makes from openapi.yaml (java, native, Jakarta EE), used as generated against a running
 * Headline: HEADLINE_URL (its demo content loaded) and HEADLINE_ADMIN_TOKEN. Only the client is configured: its base
 * URI, an HttpClient that follows redirects, and, since the native library has no authentication support of its own,
 * the bearer token through its request interceptor (the generator's documented way).
 */
class GeneratedClientTests {

    private static final String SEED_SLUG = "extraction-sequel-in-the-works";

    private static final String URL = required("HEADLINE_URL");
    private static final String ADMIN_TOKEN = required("HEADLINE_ADMIN_TOKEN");

    /** What a partner would use: the server's address and a client that follows redirects (301 from a former slug). */
    private static ApiClient client() {
        ApiClient client = new ApiClient().setHttpClientBuilder(
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL));
        client.updateBaseUri(URL);
        return client;
    }

    private static ArticlesApi publicApi() {
        return new ArticlesApi(client());
    }

    private static ArticlesApi adminApi() {
        return new ArticlesApi(client().setRequestInterceptor(
                request -> request.header("Authorization", "Bearer " + ADMIN_TOKEN)));
    }

    @Test
    void shouldListArticlesAndFollowTheCursorToTheNextPage() throws ApiException {
        ArticlesApi api = publicApi();
        PageArticleView first = api.listArticles(APIListArticlesRequest.newBuilder().size(2).count(false).build());
        assertThat(first.getData()).hasSize(2);
        assertThat(first.getData()).allSatisfy(article -> assertThat(article.getTitle()).isNotBlank());
        assertThat(first.getMeta().getNextCursor()).isNotBlank();
        assertThat(first.getLinks().getNext()).contains("cursor=");

        PageArticleView second = api.listArticles(APIListArticlesRequest.newBuilder()
                .size(2).count(false).cursor(first.getMeta().getNextCursor()).build());
        assertThat(second.getData()).isNotEmpty();
        assertThat(second.getLinks().getNext()).isNotEqualTo(first.getLinks().getNext());
        assertThat(second.getData()).extracting(Article::getId)
                .doesNotContainAnyElementsOf(first.getData().stream().map(Article::getId).toList());
        assertThat(second.getData().get(0).getPublishedAt())
                .isBeforeOrEqualTo(first.getData().get(1).getPublishedAt());
    }

    @Test
    void shouldSendTypedListParametersCommaSeparated() throws ApiException {
        PageArticleView page = publicApi().listArticles(APIListArticlesRequest.newBuilder().size(3)
                .sort(List.of(ArticleSort._PUBLISHED_AT))
                .fields(List.of(ArticleField.SLUG, ArticleField.PUBLISHED_AT)).build());

        assertThat(page.getData()).hasSize(3).allSatisfy(article -> {
            assertThat(article.getSlug()).isNotBlank();
            assertThat(article.getTitle()).isNull();
        });
        assertThat(page.getData()).extracting(Article::getPublishedAt)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(URLDecoder.decode(page.getLinks().getNext(), StandardCharsets.UTF_8))
                .contains("fields=slug,publishedAt").contains("sort=-publishedAt");
    }

    @Test
    void shouldReadTheSeedArticleBySlug() throws ApiException {
        Article article = publicApi().getArticle(read(SEED_SLUG).build());

        assertThat(article.getSlug()).isEqualTo(SEED_SLUG);
        assertThat(article.getTitle()).isEqualTo("Extraction sequel in the works");
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.getBodyHtml()).contains("Joe Russo");
        assertThat(article.getAuthors()).extracting(author -> author.getSlug()).containsExactly("newsdesk");
        assertThat(article.getCategory().getSlug()).isEqualTo("news");
    }

    @Test
    void shouldCreatePatchWithAMergePatchAndDeleteAnArticle() throws ApiException {
        ArticlesApi api = adminApi();
        ApiResponse<Article> created = api.createArticleWithHttpInfo(input("Java client draft"));
        assertThat(created.getStatusCode()).isEqualTo(201);
        Article article = created.getData();
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.getSubtitle()).isEqualTo("Written by the generated client");

        ArticlePatch patch = new ArticlePatch();
        patch.setTitle("Java client draft, revised");
        patch.setSubtitle(null);            // merge patch: null clears the member, absent members are kept
        ApiResponse<Article> patched = api.patchArticleWithHttpInfo(article.getId().toString(), patch, etag(created));
        assertThat(patched.getData().getTitle()).isEqualTo("Java client draft, revised");
        assertThat(patched.getData().getSubtitle()).isNull();
        assertThat(patched.getData().getBody()).isEqualTo(article.getBody());
        assertThat(etag(patched)).isNotEqualTo(etag(created));

        ApiResponse<Void> deleted = api.deleteArticleWithHttpInfo(article.getId().toString(), etag(patched));
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        ApiException gone = catchThrowableOfType(ApiException.class,
                () -> api.getArticle(read(article.getId().toString()).build()));
        assertThat(gone.getCode()).isEqualTo(404);
    }

    @Test
    void shouldDecodeANotFoundProblem() throws Exception {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> publicApi().getArticle(read("no-such-article").build()));

        assertThat(e.getCode()).isEqualTo(404);
        assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = problem(e);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).isNotBlank();
        assertThat(problem.getTitle()).isEqualTo("Not Found");
        assertThat(problem.getDetail()).contains("no-such-article");
        assertThat(problem.getInstance()).isEqualTo("/api/v1/articles/no-such-article");
    }

    @Test
    void shouldDecodeAValidationProblemWithItsFieldErrors() throws Exception {
        ArticleInput invalid = input(" ");
        invalid.setAuthors(List.of());

        ApiException e = catchThrowableOfType(ApiException.class, () -> adminApi().createArticle(invalid));

        assertThat(e.getCode()).isEqualTo(422);
        Problem problem = problem(e);
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getErrors()).extracting(FieldError::getField).contains("title", "authors");
        assertThat(problem.getErrors()).allSatisfy(error -> assertThat(error.getMessage()).isNotBlank());
    }

    @Test
    void shouldFollowTheRedirectFromAFormerSlug() throws ApiException {
        ArticlesApi api = adminApi();
        Article article = api.createArticle(input("Java client renamed"));
        String formerSlug = article.getSlug();
        ArticlePatch rename = new ArticlePatch();
        rename.setSlug(formerSlug + "-renamed");
        api.patchArticle(article.getId().toString(), rename, null);
        try {
            Article followed = api.getArticle(read(formerSlug).build());
            assertThat(followed.getId()).isEqualTo(article.getId());
            assertThat(followed.getSlug()).isEqualTo(formerSlug + "-renamed");

            // Without a redirect policy java.net.http stops at the 301, which the generated API throws.
            ApiClient notFollowing = new ApiClient().setRequestInterceptor(
                    request -> request.header("Authorization", "Bearer " + ADMIN_TOKEN));
            notFollowing.updateBaseUri(URL);
            ApiException moved = catchThrowableOfType(ApiException.class,
                    () -> new ArticlesApi(notFollowing).getArticle(read(formerSlug).build()));
            assertThat(moved.getCode()).isEqualTo(301);
            assertThat(moved.getResponseHeaders().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/" + formerSlug + "-renamed"));
        } finally {
            api.deleteArticle(article.getId().toString(), null);
        }
    }

    @Test
    void shouldTreatNotModifiedAsTheHeldArticleStillCurrent() throws ApiException {
        ArticlesApi api = publicApi();
        ApiResponse<Article> held = api.getArticleWithHttpInfo(read(SEED_SLUG).build());

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> api.getArticle(read(SEED_SLUG).ifNoneMatch(etag(held)).build()));
        assertThat(e.getCode()).isEqualTo(304);
        assertThat(e.getResponseBody()).isNullOrEmpty();
        assertThat(e.getResponseHeaders().firstValue("ETag")).contains(etag(held));

        assertThat(revalidate(api, SEED_SLUG, held)).isSameAs(held.getData());
    }

    @Test
    void shouldRefuseAWriteWithoutAToken() {
        assertThatThrownBy(() -> publicApi().createArticle(input("No token")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }

    private static APIGetArticleRequest.Builder read(String idOrSlug) {
        return APIGetArticleRequest.newBuilder().idOrSlug(idOrSlug);
    }

    private static ArticleInput input(String title) {
        ArticleInput input = new ArticleInput();
        input.setTitle(title);
        input.setSlug("java-client-" + UUID.randomUUID().toString().substring(0, 8));
        input.setSubtitle("Written by the generated client");
        input.setBody("A paragraph from the *Java* client.");
        input.setCategory("news");
        input.setAuthors(List.of("newsdesk"));
        input.setTags(List.of("clients"));
        return input;
    }

    /** A revalidation as a partner writes it (README): 304 means the article held is current. */
    private static Article revalidate(ArticlesApi api, String idOrSlug, ApiResponse<Article> held) throws ApiException {
        try {
            return api.getArticle(read(idOrSlug).ifNoneMatch(etag(held)).build());
        } catch (ApiException e) {
            if (e.getCode() == 304) {
                return held.getData();
            }
            throw e;
        }
    }

    /** A problem+json body, read with the generated client's own mapper into the generated model. */
    private static Problem problem(ApiException e) throws JsonProcessingException {
        return client().getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    private static String etag(ApiResponse<?> response) {
        Map<String, List<String>> headers = response.getHeaders();
        return headers.get("ETag").get(0);
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run clients/java/run.sh, or set it to a running server");
        }
        return value;
    }
}
