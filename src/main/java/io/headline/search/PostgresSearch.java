package io.headline.search;

import io.headline.common.query.ListQuery;

/**
 * PostgreSQL's full-text search: an English document with weighted fields (title A, subtitle and excerpt
 * B, body C; see V3__full_text_search.sql), matched with web-search syntax (quotes, or, -word) and
 * stemming, so that "sequels" finds "sequel", ranked by ts_rank_cd. The GIN index serves the match.
 */
class PostgresSearch implements SearchDialect {

    private static final String DOCUMENT = "function('headline_search_document', a.title, a.subtitle, a.excerpt, a.body)";

    @Override
    public String match(ListQuery<?> query, String q) {
        query.where("function('headline_search_matches', " + DOCUMENT + ", :q) = true", "q", q);
        return "function('headline_search_rank', " + DOCUMENT + ", :q)";
    }
}
