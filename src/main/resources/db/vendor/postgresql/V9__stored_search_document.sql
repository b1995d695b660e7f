-- The search document is computed once per write and stored, instead of at every search for every matching row:
-- ranking a page read each match's whole body and parsed it again (5.8 s for one search of 10,000 articles).
-- The database computes it, from the same function as before (V3), so whatever writes an article (the API, a bulk
-- import) gets it without computing it in Java. The GIN index moves from the expression to the column.
-- (H2 has its own V9 with the same version: both databases share one history.)

drop index ix_article_search;
alter table article add column search_document tsvector
    generated always as (headline_search_document(title, subtitle, excerpt, body)) stored;
create index ix_article_search on article using gin (search_document);
