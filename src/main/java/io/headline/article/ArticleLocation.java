package io.headline.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a sitemap needs of a public article: what its address is made of, and when it last changed.
 *
 * @param group        its translation group (see ArticleRow)
 * @param translations the public translations of its group, itself included, in the order of headline.locales: what
 *                     a sitemap links as alternates; empty when only one locale is configured
 */
public record ArticleLocation(UUID id, String slug, String categorySlug, Instant publishedAt, Instant updatedAt,
        String locale, UUID group, List<Translation> translations) {

    ArticleLocation(UUID id, String slug, String categorySlug, Instant publishedAt, Instant updatedAt, String locale,
            UUID group) {
        this(id, slug, categorySlug, publishedAt, updatedAt, locale, group, List.of());
    }

    /** The later of its last change and its publication: a scheduled article changes when it goes out. */
    public Instant lastModified() {
        return publishedAt.isAfter(updatedAt) ? publishedAt : updatedAt;
    }

    /** Where it stands in the public articles' oldest-first order: what a sitemap page starts from. */
    public Key key() {
        return new Key(publishedAt, id);
    }

    ArticleLocation withTranslations(List<Translation> translations) {
        return new ArticleLocation(id, slug, categorySlug, publishedAt, updatedAt, locale, group, translations);
    }

    /** A place in the public articles' oldest-first order (publication, then id). */
    public record Key(Instant publishedAt, UUID id) {
    }

    /** A public translation of the article, sharing its category: what its address is made of. */
    public record Translation(UUID id, String locale, String slug, Instant publishedAt) {
    }
}
