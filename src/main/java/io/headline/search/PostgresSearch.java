package io.headline.search;

import io.headline.common.query.ListQuery;

/**
 * PostgreSQL's full-text search: an English document with weighted fields (title A, subtitle and excerpt
 * B, body C; see V3__full_text_search.sql, stored by V9), matched with web-search syntax (quotes, or, -word) and
 * stemming, so that "sequels" finds "sequel", ranked by ts_rank_cd. The GIN index serves the match; the rank
 * detoasts each row's document, hence the bounded candidates (SearchConfig).
 */
class PostgresSearch implements SearchDialect {

    /** The document stored with each article (V9), behind the GIN index: a search never reads or parses a body. */
    private static final String DOCUMENT = "a.searchDocument";

    @Override
    public void match(ListQuery<?> query, String q) {
        query.where("function('headline_search_matches', " + DOCUMENT + ", :q) = true", "q", q);
    }

    @Override
    public String relevance(ListQuery<?> query, String q) {
        query.orderParam("q", q);
        return "function('headline_search_rank', " + DOCUMENT + ", :q)";
    }
}
