-- A category's list (and a section with its subcategories) filters on the status too: with the status in the index,
-- PostgreSQL answers the list's count from the index alone (an index-only scan per category) instead of reading
-- every row of the table, and filters the page without visiting rows it does not return. H2 has no INCLUDE: its
-- V12 keeps the version in step.
drop index ix_article_category_published;
create index ix_article_category_published on article (category_id, published_at desc nulls last, id desc nulls last)
    include (status);
