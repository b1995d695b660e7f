package io.headline.search;

import io.headline.common.query.ListQuery;

/** Full-text search in the database at hand: which articles (alias {@code a}) match a query, and how well. */
public interface SearchDialect {

    /** Adds the condition that an article matches query text {@code q}, with its parameters. */
    void match(ListQuery<?> query, String q);

    /**
     * Adds the parameters of (as order parameters), and returns, an HQL expression of how well an article matches {@code q} (higher is
     * better). It reads each row it ranks: rank a bounded set of rows only.
     */
    String relevance(ListQuery<?> query, String q);
}
