package io.headline.article;

import io.headline.common.paging.PageRequest;
import io.headline.common.persistence.SluggedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ArticleRepository implements SluggedRepository<Article> {

    /** The HQL form of {@link Article#isPublicAt}; {@code :now} is the instant of the request. */
    static final String PUBLIC = "a.status in (:publicStatuses) and a.publishedAt <= :now";
    private static final List<ArticleStatus> PUBLIC_STATUSES = List.of(ArticleStatus.published, ArticleStatus.scheduled);

    private static final String NEWEST_FIRST = " order by a.publishedAt desc nulls last, a.id desc";

    /** A page, newest first; authors and tags arrive in one batch query each (see fetch.batch-size). */
    public List<Article> page(PageRequest request, boolean includeUnpublished, Instant now) {
        var query = includeUnpublished
                ? getEntityManager().createQuery("from Article a join fetch a.category" + NEWEST_FIRST, Article.class)
                : publicOnly(getEntityManager().createQuery(
                        "from Article a join fetch a.category where " + PUBLIC + NEWEST_FIRST, Article.class), now);
        return query.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
    }

    public long countVisible(boolean includeUnpublished, Instant now) {
        return includeUnpublished
                ? count()
                : publicOnly(getEntityManager().createQuery("select count(a) from Article a where " + PUBLIC, Long.class),
                        now).getSingleResult();
    }

    private static <T> TypedQuery<T> publicOnly(TypedQuery<T> query, Instant now) {
        return query.setParameter("publicStatuses", PUBLIC_STATUSES).setParameter("now", now);
    }

    public long countByAuthor(UUID authorId) {
        return getEntityManager()
                .createQuery("select count(a) from Article a join a.authors au where au.id = :id", Long.class)
                .setParameter("id", authorId).getSingleResult();
    }

    public long countByCategory(UUID categoryId) {
        return count("category.id", categoryId);
    }
}
