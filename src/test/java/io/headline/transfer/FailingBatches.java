package io.headline.transfer;

import io.headline.article.ArticleRepository;
import io.headline.delivery.Cacheable;
import io.headline.invalidation.ContentChanged;
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

    void refuse(@Observes ContentChanged changed) {
        String slug = refusedSlug;
        if (slug != null && articles.find("slug", slug).firstResultOptional()
                .filter(article -> changed.keys().contains(Cacheable.key("article", article.id))).isPresent()) {
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
