package io.headline.feed;

import io.headline.common.ApiPaths;
import io.headline.common.HeadlineConfig;
import io.headline.locale.Locales;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the front end shows an article, from the template headline.feeds.article-url: what feeds link to and sitemaps
 * list. A template is checked at start-up, so a mistyped placeholder stops the server rather than every feed. A
 * translation's address names its locale: where the template has no {locale}, a translation in another locale than the
 * default has {@code ?locale=} added, as the API's own addresses of translations do (ArticleTranslation); the default
 * locale's keep the addresses they had before there were translations.
 */
@ApplicationScoped
class ArticleUrls {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> PLACEHOLDERS = Set.of("slug", "id", "category", "year", "month", "day",
            "locale");
    /** Without a site URL, the article in this API, under the address the request came to. */
    private static final String API = "{api}" + ApiPaths.V1.substring(1) + "/articles/{slug}";

    private final String template;
    private final Optional<String> siteUrl;
    private final Locales locales;

    ArticleUrls(FeedConfig feeds, HeadlineConfig headline, Locales locales) {
        this.locales = locales;
        this.siteUrl = headline.siteUrl().map(url -> url.replaceAll("/+$", ""));
        this.template = feeds.articleUrl().map(String::strip)
                .orElseGet(() -> siteUrl.map(site -> site + "/{slug}").orElse(API));
    }

    void check(@Observes StartupEvent started) {
        if (template.equals(API)) {
            return;
        }
        Matcher placeholders = PLACEHOLDER.matcher(template);
        boolean names = false;
        while (placeholders.find()) {
            String name = placeholders.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                throw new IllegalStateException("headline.feeds.article-url has an unknown placeholder {" + name
                        + "}; it may use " + new TreeSet<>(PLACEHOLDERS));
            }
            names |= name.equals("slug") || name.equals("id");
        }
        URI sample;
        try {
            sample = new URI(PLACEHOLDER.matcher(template).replaceAll("x"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("headline.feeds.article-url is not a URL: " + template, e);
        }
        if (!names || !sample.isAbsolute() || !Set.of("http", "https").contains(sample.getScheme())) {
            throw new IllegalStateException("headline.feeds.article-url must be an absolute http(s) URL with {slug} or "
                    + "{id}, e.g. https://example.com/{category}/{slug}; it is " + template);
        }
    }

    /** The site's home page, or this API's root when no site URL is set. */
    String home(URI base) {
        return siteUrl.map(site -> site + "/").orElse(base.toString());
    }

    /** Slugs, ids, dates and locales need no escaping: they are URL-safe by construction. */
    String of(URI base, UUID id, String slug, String categorySlug, Instant publishedAt, String locale) {
        ZonedDateTime published = publishedAt.atZone(ZoneOffset.UTC);
        Map<String, String> values = Map.of("slug", slug, "id", id.toString(), "category", categorySlug,
                "year", String.format("%04d", published.getYear()),
                "month", String.format("%02d", published.getMonthValue()),
                "day", String.format("%02d", published.getDayOfMonth()),
                "locale", locale, "api", base.toString());
        String url = PLACEHOLDER.matcher(template)
                .replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
        if (template.contains("{locale}") || locale.equals(locales.defaultLocale())) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "locale=" + locale;
    }
}
