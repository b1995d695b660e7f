package io.headline.search;

import io.headline.common.query.ListQuery;

/** Full-text search in the database at hand: which articles (alias {@code a}) match a query, and how well. */
public interface SearchDialect {

    /**
     * Adds the condition that an article matches query text {@code q}, with its parameters, and returns
     * an HQL expression of relevance over the same parameters (higher is better).
     */
    String match(ListQuery<?> query, String q);
}
