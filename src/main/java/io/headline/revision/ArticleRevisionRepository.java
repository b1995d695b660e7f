package io.headline.revision;

import io.headline.common.paging.PageRequest;
import io.headline.common.query.Slice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ArticleRevisionRepository implements PanacheRepositoryBase<ArticleRevision, ArticleRevision.Key> {

    /** The highest revision number of the article, 0 when it has none (yet, or from before revisions were kept). */
    public int lastNumber(UUID articleId) {
        return getEntityManager()
                .createQuery("select coalesce(max(r.number), 0) from ArticleRevision r where r.articleId = :id",
                        Integer.class)
                .setParameter("id", articleId).getSingleResult();
    }

    public Slice<ArticleRevision> newestFirst(UUID articleId, PageRequest page) {
        var query = find("articleId", Sort.descending("number"), articleId).page(page.page() - 1, page.size());
        return new Slice<>(query.list(), null, page.count() ? query.count() : null);
    }

    public Optional<ArticleRevision> find(UUID articleId, int number) {
        return findByIdOptional(new ArticleRevision.Key(articleId, number));
    }
}
