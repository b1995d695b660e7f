package io.headline.article;

import java.time.Instant;
import java.util.UUID;

/** What a sitemap needs of a public article: what its address is made of, and when it last changed. */
public record ArticleLocation(UUID id, String slug, String categorySlug, Instant publishedAt, Instant updatedAt) {

    /** The later of its last change and its publication: a scheduled article changes when it goes out. */
    public Instant lastModified() {
        return publishedAt.isAfter(updatedAt) ? publishedAt : updatedAt;
    }

    /** Where it stands in the public articles' oldest-first order: what a sitemap page starts from. */
    public Key key() {
        return new Key(publishedAt, id);
    }

    /** A place in the public articles' oldest-first order (publication, then id). */
    public record Key(Instant publishedAt, UUID id) {
    }
}
