-- Full-text search on PostgreSQL: an English text-search document of each article (title weighted A,
-- subtitle and excerpt B, body C) behind a GIN index. The SQL functions are inlined by the planner,
-- so a query written with them uses the index on the same expression.
-- (H2 has its own V3 with the same version: both databases share one history.)

create function headline_search_document(title text, subtitle text, excerpt text, body text)
    returns tsvector language sql immutable parallel safe as $$
    select setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(subtitle, '') || ' ' || coalesce(excerpt, '')), 'B')
        || setweight(to_tsvector('english', coalesce(body, '')), 'C')
$$;

create function headline_search_matches(document tsvector, query text)
    returns boolean language sql stable parallel safe as $$
    select document @@ websearch_to_tsquery('english', query)
$$;

create function headline_search_rank(document tsvector, query text)
    returns real language sql stable parallel safe as $$
    select ts_rank_cd(document, websearch_to_tsquery('english', query))
$$;

create index ix_article_search on article using gin (headline_search_document(title, subtitle, excerpt, body));
