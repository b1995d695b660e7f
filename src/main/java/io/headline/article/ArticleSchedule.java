package io.headline.article;

import io.headline.delivery.ScheduledChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Tells the response cache when the next scheduled article goes out, which changes what anonymous reads show. */
@ApplicationScoped
class ArticleSchedule implements ScheduledChanges {

    private final ArticleRepository articles;

    ArticleSchedule(ArticleRepository articles) {
        this.articles = articles;
    }

    @Override
    @Transactional
    public Optional<Instant> nextAfter(Instant now) {
        return articles.nextPublicationAfter(now);
    }
}
