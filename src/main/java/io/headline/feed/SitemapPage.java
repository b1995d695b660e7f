package io.headline.feed;

import io.headline.article.ArticleLocation;
import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A page of a sitemap index, as its address names it: /sitemaps/{number}.xml?from={publishedAt},{id}. The number is
 * for people; {@code from}, the first article's place in the oldest-first order, is what makes the page one index range
 * read from there (keyset) rather than a count of rows skipped (offset), which grew with the page number. Every page
 * but the first has a start, and is found only by its address in the index.
 *
 * @param from   empty for the first page, which starts at the oldest article
 * @param locale the locale of the translations listed ({@code ?locale=}), as asked; null for every translation
 */
record SitemapPage(long number, Optional<ArticleLocation.Key> from, String locale) {

    /** The query parameter that says where a page starts. */
    static final String FROM = "from";
    /** The query parameter that names the locale of the translations a sitemap lists. */
    static final String LOCALE = "locale";

    static SitemapPage first(String locale) {
        return new SitemapPage(1, Optional.empty(), locale);
    }

    /**
     * The page a request names, or empty when there is no such page (a page past the first without a start: the index
     * names its pages). A start that is not one is the caller's mistake, a 400.
     */
    static Optional<SitemapPage> of(long number, String from, String locale) {
        if (number < 1) {
            return Optional.empty();
        }
        if (from == null || from.isBlank()) {
            return number == 1 ? Optional.of(first(locale)) : Optional.empty();
        }
        int comma = from.indexOf(',');
        try {
            return Optional.of(new SitemapPage(number, Optional.of(new ArticleLocation.Key(
                    Instant.parse(from.substring(0, Math.max(comma, 0))), UUID.fromString(from.substring(comma + 1)))),
                    locale));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ProblemException.invalidParameter(FROM, "must be a page's start as the "
                    + "sitemap index gives it (an instant, a comma, an id); take the page addresses from /sitemap.xml");
        }
    }

    /** The page's absolute address under {@code base}. */
    String location(URI base) {
        String query = Stream.concat(from.map(key -> FROM + "=" + key.publishedAt() + "," + key.id()).stream(),
                Stream.ofNullable(locale).map(tag -> LOCALE + "=" + tag)).collect(Collectors.joining("&"));
        return base + ApiPaths.SITEMAPS.substring(1) + "/" + number + ".xml" + (query.isEmpty() ? "" : "?" + query);
    }
}
