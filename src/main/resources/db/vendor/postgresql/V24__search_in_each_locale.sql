-- Localized search (issue #20): each article's search document is stemmed in its own language, where PostgreSQL has
-- a text-search configuration for it (german, french, ...), and with 'simple' (no stemming) otherwise. The
-- configuration follows from the row's locale alone (its language subtag: de-AT is German), so a query knows which
-- one each row used: io.headline.search.PostgresSearch matches the rows of each language of a read's locales with a
-- query in that language, which the GIN index serves. Rows in 'en' index exactly as before (english).
-- (H2 has its own V24 with the same version: both databases share one history.)

-- The languages whose configuration this server has (pg_ts_config lists them), written into the functions as a
-- constant CASE: immutable, as a generated column needs, and folded away by the planner when the locale is a
-- constant (a query's). The language subtag of a BCP 47 tag is what precedes its first '-'. The document's function
-- holds the CASE itself rather than calling headline_search_config: pg_restore computes generated columns with an
-- empty search_path, where only pg_catalog's functions are found.
do $do$
declare
    config text;
begin
    select 'case lower(split_part(locale, ''-'', 1)) '
               || coalesce(string_agg(format('when %L then %L::regconfig', l.language, l.config), ' '
                                      order by l.language), '')
               || ' else ''simple''::regconfig end'
    into config
    from (values ('ar', 'arabic'), ('ca', 'catalan'), ('da', 'danish'), ('de', 'german'), ('el', 'greek'),
                 ('en', 'english'), ('es', 'spanish'), ('eu', 'basque'), ('fi', 'finnish'), ('fr', 'french'),
                 ('ga', 'irish'), ('hi', 'hindi'), ('hu', 'hungarian'), ('hy', 'armenian'), ('id', 'indonesian'),
                 ('it', 'italian'), ('lt', 'lithuanian'), ('nb', 'norwegian'), ('ne', 'nepali'), ('nl', 'dutch'),
                 ('nn', 'norwegian'), ('no', 'norwegian'), ('pt', 'portuguese'), ('ro', 'romanian'),
                 ('ru', 'russian'), ('sr', 'serbian'), ('sv', 'swedish'), ('ta', 'tamil'), ('tr', 'turkish'),
                 ('yi', 'yiddish')) l(language, config)
    where exists (select 1 from pg_ts_config c where c.cfgname = l.config);
    execute format($create$
        create function headline_search_config(locale text)
            returns regconfig language sql immutable parallel safe as $body$
            select %s
        $body$ $create$, config);
    execute format($create$
        create function headline_search_document(locale text, title text, subtitle text, excerpt text, body text)
            returns tsvector language sql immutable parallel safe as $body$
            select setweight(to_tsvector(l.config, coalesce(title, '')), 'A')
                || setweight(to_tsvector(l.config, coalesce(subtitle, '') || ' ' || coalesce(excerpt, '')), 'B')
                || setweight(to_tsvector(l.config, coalesce(body, '')), 'C')
            from (select %s) l(config)
        $body$ $create$, config);
end
$do$;

-- A query in the language of the locale: a row matches or ranks by it only if its own document is in that language
-- (the caller says which rows are: their locale).
create function headline_search_matches(document tsvector, locale text, query text)
    returns boolean language sql stable parallel safe as $$
    select document @@ websearch_to_tsquery(headline_search_config(locale), query)
$$;

create function headline_search_rank(document tsvector, locale text, query text)
    returns real language sql stable parallel safe as $$
    select ts_rank_cd(document, websearch_to_tsquery(headline_search_config(locale), query))
$$;

-- A generated column's expression cannot change in place (before PostgreSQL 17): the column is made again, which
-- computes every row's document once, and its index with it.
alter table article drop column search_document;
alter table article add column search_document tsvector
    generated always as (headline_search_document(locale, title, subtitle, excerpt, body)) stored;
create index ix_article_search on article using gin (search_document);

drop function headline_search_matches(tsvector, text);
drop function headline_search_rank(tsvector, text);
drop function headline_search_document(text, text, text, text);
