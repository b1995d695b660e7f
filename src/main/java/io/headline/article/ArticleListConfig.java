package io.headline.article;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Bounds on the statements of article lists and searches. */
@ConfigMapping(prefix = "headline.lists")
public interface ArticleListConfig {

    /**
     * The longest one statement of an article list, count, search or facet count may run
     * (HEADLINE_LISTS_STATEMENT_TIMEOUT), in whole seconds: past it the database cancels it and the request is answered
     * 503 with Retry-After, so that a query too costly for the data at hand holds neither a connection nor a core.
     * PostgreSQL only: H2 would keep the timeout on the connection for every later statement.
     */
    @WithDefault("2s")
    Duration statementTimeout();
}
