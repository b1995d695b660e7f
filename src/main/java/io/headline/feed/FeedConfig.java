package io.headline.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/** Feeds and sitemaps (HEADLINE_FEEDS_...). */
@ConfigMapping(prefix = "headline.feeds")
public interface FeedConfig {

    /** The sitemaps.org limit of URLs in one sitemap. */
    int SITEMAP_MAX_URLS = 50_000;

    /**
     * Where the front end shows an article (HEADLINE_FEEDS_ARTICLE_URL), with placeholders {slug}, {id}, {category}
     * (the category's slug), {year}, {month} and {day} (of its publication, UTC), {locale} (the translation's), e.g.
     * https://example.com/{category}/{slug}; without {locale}, a translation not in the default locale has
     * ?locale= added. Unset: headline.site-url plus /{slug}, an article's seo.canonicalUrl;
     * without a site URL, the article's address in this API.
     */
    Optional<String> articleUrl();

    /** The feeds' title; the Ghost settings' site title unless set. */
    @WithDefault("${headline.ghost.site-title:Headline}")
    String title();

    /** The feeds' description; the Ghost settings' site description unless set. */
    @WithDefault("${headline.ghost.site-description:News and features.}")
    String description();

    /**
     * How many of the newest published articles a feed carries (HEADLINE_FEEDS_ITEMS), at most 100. Their bodies are
     * bounded like a list's (headline.limits.list-body-budget): a feed stops before the article that would pass it.
     */
    @WithDefault("50")
    @Min(1)
    @Max(100)
    int items();

    /**
     * URLs per sitemap (HEADLINE_FEEDS_SITEMAP_URLS), at most the 50,000 sitemaps.org allows: past it, /sitemap.xml is
     * an index of /sitemaps/{n}.xml pages of this many. A thousand addresses are about 120 KB, so that a page stays
     * under the response cache's entry limit (headline.response-cache.max-entry-size) and is built once per change.
     */
    @WithDefault("1000")
    @Min(1)
    @Max(SITEMAP_MAX_URLS)
    int sitemapUrls();
}
