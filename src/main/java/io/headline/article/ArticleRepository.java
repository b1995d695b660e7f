package io.headline.article;

import io.headline.common.paging.PageRequest;
import io.headline.common.persistence.SluggedRepository;
import io.headline.common.query.ListQuery;
import io.headline.common.query.Slice;
import io.headline.common.query.SortKey;
import io.headline.common.query.Sorting;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ArticleRepository implements SluggedRepository<Article> {

    /** The HQL form of {@link Article#isPublicAt}. */
    private static final List<ArticleStatus> PUBLIC_STATUSES = List.of(ArticleStatus.published, ArticleStatus.scheduled);

    static final Sorting.Field<Article> ID = Sorting.id("a.id", a -> a.id);

    /** The fields articles sort by; publishedAt can only be null where drafts are listed. */
    static List<Sorting.Field<Article>> sortable(boolean includeUnpublished) {
        return List.of(
                new Sorting.Field<>("publishedAt", "a.publishedAt", includeUnpublished, Instant.class, a -> a.publishedAt),
                new Sorting.Field<>("updatedAt", "a.updatedAt", false, Instant.class, a -> a.updatedAt),
                new Sorting.Field<>("createdAt", "a.createdAt", false, Instant.class, a -> a.createdAt),
                new Sorting.Field<>("title", "a.title", false, String.class, a -> a.title));
    }

    /**
     * One page of the articles that match. The category arrives with the page; authors and tags in one
     * batch query each (fetch.batch-size), so a page costs the same few statements whatever its size.
     *
     * @param categoryIds the categories to list (a category and its subtree), or null for all
     * @param authorId    the author to list, or null for all
     */
    public Slice<Article> list(ArticleListRequest.Filter f, Collection<UUID> categoryIds, UUID authorId,
            List<SortKey<Article>> sort, PageRequest page, Instant now) {
        ListQuery<Article> query = new ListQuery<>(Article.class, "a", "Article a", "join fetch a.category");
        if (!f.includeUnpublished()) {
            query.where("a.status in (:publicStatuses)", "publicStatuses", PUBLIC_STATUSES)
                    .where("a.publishedAt <= :now", "now", now);
        }
        if (f.statuses() != null) {
            query.where("a.status in (:statuses)", "statuses", f.statuses());
        }
        if (categoryIds != null) {
            query.where("a.category.id in (:categoryIds)", "categoryIds", categoryIds);
        }
        if (authorId != null) {
            query.where("exists (select 1 from Article credited join credited.authors au "
                    + "where credited = a and au.id = :authorId)", "authorId", authorId);
        }
        if (f.tags() != null) {
            query.where("exists (select 1 from Article tagged join tagged.tags t "
                    + "where tagged = a and t in (:tags))", "tags", f.tags());
        }
        if (f.publishedAfter() != null) {
            query.where("a.publishedAt > :publishedAfter", "publishedAfter", f.publishedAfter());
        }
        if (f.publishedBefore() != null) {
            query.where("a.publishedAt < :publishedBefore", "publishedBefore", f.publishedBefore());
        }
        if (f.updatedAfter() != null) {
            query.where("a.updatedAt > :updatedAfter", "updatedAfter", f.updatedAfter());
        }
        if (f.featured() != null) {
            query.where("a.featured = :featured", "featured", f.featured());
        }
        return query.fetch(getEntityManager(), sort, page);
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
