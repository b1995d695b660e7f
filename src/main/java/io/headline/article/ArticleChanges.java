package io.headline.article;

import io.headline.change.Change;
import io.headline.change.ChangeKind;
import io.headline.change.ResourceType;
import java.time.Instant;
import java.util.UUID;

/**
 * What an article write is, for the change log: one rule for the API's writes and the bulk import's. The kind follows
 * what the public sees: a write that makes the article public publishes it, one that hides a public article
 * unpublishes it, one that sets it to come out later schedules it; anything else creates or updates it.
 */
public final class ArticleChanges {

    /** An article as it was before a write. */
    public record Before(boolean existed, boolean wasPublic, ArticleStatus status, Instant publishedAt) {

        public static final Before NONE = new Before(false, false, null, null);

        public static Before of(ArticleStatus status, Instant publishedAt, Instant now) {
            return new Before(true, Article.isPublicAt(status, publishedAt, now), status, publishedAt);
        }

        static Before of(Article article, Instant now) {
            return of(article.status, article.publishedAt, now);
        }
    }

    private ArticleChanges() {
    }

    /** The change a write made: from {@code before} to {@code status} and {@code publishedAt}, at {@code now}. */
    public static Change written(UUID id, String slug, String locale, Before before, ArticleStatus status,
            Instant publishedAt, Instant now) {
        boolean isPublic = Article.isPublicAt(status, publishedAt, now);
        boolean goesOut = status == ArticleStatus.published || status == ArticleStatus.scheduled;
        Instant appearsAt = goesOut && publishedAt != null && publishedAt.isAfter(now) ? publishedAt : null;
        ChangeKind kind;
        if (isPublic) {
            kind = before.wasPublic() ? ChangeKind.updated : ChangeKind.published;
        } else if (before.wasPublic()) {
            kind = ChangeKind.unpublished;
        } else if (appearsAt != null && !(before.status() == status && appearsAt.equals(before.publishedAt()))) {
            kind = ChangeKind.scheduled;
        } else {
            kind = before.existed() ? ChangeKind.updated : ChangeKind.created;
        }
        return new Change(ResourceType.article, id, slug, kind, before.wasPublic(), isPublic,
                goesOut ? publishedAt : null, appearsAt, null, !before.existed(), locale);
    }

    static Change written(Article article, Before before, Instant now) {
        return written(article.id, article.slug, article.locale, before, article.status, article.publishedAt, now);
    }

    /** A deletion: a tombstone with the article's id and last slug. */
    static Change deleted(Article article, Instant now) {
        return new Change(ResourceType.article, article.id, article.slug, ChangeKind.deleted,
                article.isPublicAt(now), false, null, null, null, false, article.locale);
    }
}
