package io.headline.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headline.common.HeadlineConfig;
import io.headline.locale.Locales;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArticleUrlsTests {

    private static final URI API = URI.create("http://api.example.com:8080/");
    private static final UUID ID = UUID.fromString("01900000-0000-7000-8000-000000000001");
    private static final Instant PUBLISHED = Instant.parse("2024-03-07T23:30:00Z");

    private static ArticleUrls urls(String template, String siteUrl) {
        FeedConfig feeds = stub(FeedConfig.class, "articleUrl", Optional.ofNullable(template));
        HeadlineConfig headline = stub(HeadlineConfig.class, "siteUrl", Optional.ofNullable(siteUrl));
        ArticleUrls urls = new ArticleUrls(feeds, headline, Locales.of("en,de,de-AT:de"));
        urls.check(null);
        return urls;
    }

    /** A config answering one method; the others are not called. */
    private static <T> T stub(Class<T> type, String method, Object value) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().equals(method)) {
                return value;
            }
            throw new UnsupportedOperationException(m.getName());
        }));
    }

    private static String of(ArticleUrls urls) {
        return urls.of(API, ID, "a-slug", "film", PUBLISHED, "en");
    }

    @Test
    void shouldFillEveryPlaceholder() {
        assertThat(of(urls("https://example.com/{category}/{year}/{month}/{day}/{slug}?id={id}", null)))
                .isEqualTo("https://example.com/film/2024/03/07/a-slug?id=" + ID);
    }

    @Test
    void shouldDefaultToTheSiteUrlAndSlugLikeTheCanonicalUrl() {
        ArticleUrls urls = urls(null, "https://news.example.com/");
        assertThat(of(urls)).isEqualTo("https://news.example.com/a-slug");
        assertThat(urls.home(API)).isEqualTo("https://news.example.com/");
    }

    @Test
    void shouldDefaultToTheApiWithoutASiteUrl() {
        ArticleUrls urls = urls(null, null);
        assertThat(of(urls)).isEqualTo("http://api.example.com:8080/api/v1/articles/a-slug");
        assertThat(urls.home(API)).isEqualTo("http://api.example.com:8080/");
    }

    @Test
    void shouldNameATranslationsLocaleButKeepTheDefaultLocalesAddresses() {
        ArticleUrls site = urls("https://example.com/{category}/{slug}", null);
        assertThat(site.of(API, ID, "ein-slug", "film", PUBLISHED, "de-AT"))
                .isEqualTo("https://example.com/film/ein-slug?locale=de-AT");
        assertThat(urls("https://example.com/{slug}?id={id}", null).of(API, ID, "ein-slug", "film", PUBLISHED, "de"))
                .isEqualTo("https://example.com/ein-slug?id=" + ID + "&locale=de");
        ArticleUrls byLocale = urls("https://example.com/{locale}/{slug}", null);
        assertThat(byLocale.of(API, ID, "ein-slug", "film", PUBLISHED, "de"))
                .isEqualTo("https://example.com/de/ein-slug");
        assertThat(of(byLocale)).isEqualTo("https://example.com/en/a-slug");
        assertThat(urls(null, null).of(API, ID, "ein-slug", "film", PUBLISHED, "de"))
                .isEqualTo("http://api.example.com:8080/api/v1/articles/ein-slug?locale=de");
    }

    @Test
    void shouldRefuseATemplateThatCannotNameAnArticle() {
        assertThatThrownBy(() -> urls("https://example.com/{title}", null)).hasMessageContaining("{title}");
        assertThatThrownBy(() -> urls("https://example.com/{category}", null)).hasMessageContaining("{slug} or {id}");
        assertThatThrownBy(() -> urls("/{slug}", null)).hasMessageContaining("absolute");
        assertThatThrownBy(() -> urls("ftp://example.com/{slug}", null)).hasMessageContaining("http(s)");
    }
}
