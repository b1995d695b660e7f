package io.headline.transfer;

import io.headline.article.ArticleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Makes the database refuse a batch that writes a marked article, as a failure the importer cannot foresee would:
 * the observer runs inside the batch's transaction, so throwing rolls the batch back.
 */
@ApplicationScoped
public class FailingBatches {

    private final ArticleRepository articles;
    private volatile String refusedSlug;

    FailingBatches(ArticleRepository articles) {
        this.articles = articles;
    }

    void refuse(@Observes ContentImported imported) {
        String slug = refusedSlug;
        if (slug != null && !imported.articles().isEmpty()
                && articles.count("slug = ?1 and id in ?2", slug, imported.articles()) > 0) {
            throw new IllegalStateException("refused by the test");
        }
    }

    /** Refuses every batch that writes the article with this slug, until {@link #reset}. */
    void refuseBatchesWriting(String slug) {
        refusedSlug = slug;
    }

    void reset() {
        refusedSlug = null;
    }
}
