package io.headline.search;

import io.headline.common.query.ListQuery;
import io.headline.locale.LocaleChoice;

/** Full-text search in the database at hand: which articles (alias {@code a}) match a query, and how well. */
public interface SearchDialect {

    /**
     * Adds the condition that an article matches query text {@code q}, with its parameters; {@code locales} are those
     * of the rows the query reads (the read's chain), each matched in its own language where the database stems.
     */
    void match(ListQuery<?> query, String q, LocaleChoice locales);

    /**
     * Adds the parameters of (as order parameters), and returns, an HQL expression of how well an article matches
     * {@code q} (higher is better), in the language of its locale among {@code locales}. It reads each row it ranks:
     * rank a bounded set of rows only.
     */
    String relevance(ListQuery<?> query, String q, LocaleChoice locales);
}
