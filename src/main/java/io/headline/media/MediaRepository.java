package io.headline.media;

import io.headline.article.ArticleStatus;
import io.headline.common.paging.PageRequest;
import io.headline.common.query.Slice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MediaRepository implements PanacheRepositoryBase<Media, UUID> {

    Optional<Media> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    /** Newest first (or oldest first), filtered by content type and by text in the name, alt text and caption. */
    Slice<Media> list(MediaKind kind, String text, boolean oldestFirst, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (kind != null) {
            where.append(" and contentType = :type");
            parameters.and("type", kind.mimeType());
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(originalName) like :text or lower(alt) like :text or lower(caption) like :text)");
            parameters.and("text", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        }
        Sort sort = oldestFirst ? Sort.ascending("createdAt", "id") : Sort.descending("createdAt", "id");
        var query = find(where.toString(), sort, parameters).page(page.page() - 1, page.size());
        return new Slice<>(query.list(), null, page.count() ? query.count() : null);
    }

    /** Whether an article the public can see uses this media: then anyone may fetch its files. */
    public boolean usedByPublicArticle(UUID mediaId, Instant now) {
        return getEntityManager().createQuery("""
                select count(*) from Article a where a.id in (select u.articleId from ArticleMedia u where u.mediaId = :media)
                and a.status in :shown and a.publishedAt <= :now""", Long.class)
                .setParameter("media", mediaId).setParameter("now", now)
                .setParameter("shown", java.util.List.of(ArticleStatus.published, ArticleStatus.scheduled))
                .getSingleResult() > 0;
    }

    boolean usedByAnyArticle(UUID mediaId) {
        return ArticleMedia.count("mediaId", mediaId) > 0;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
