-- Every list reads one index range in its order: each index below is the ORDER BY of a list (a filter's column
-- first where there is one), with the id as tie-breaker. They are declared "desc nulls last" on every column because
-- that is what the queries say (ListQuery: nulls come last; read backwards, such an index gives "asc nulls first",
-- which is what an ascending order says of a column that cannot be null), and a database uses an index for an
-- ORDER BY only when the nulls ordering matches as well. The indexes of V2 said "desc", which is "nulls first":
-- every list sorted its whole range. Status and category no longer come together before the time: the public
-- lists ask for two statuses (published, scheduled), and an IN on a leading column breaks the index's order.

drop index ix_article_status_published;
drop index ix_article_published;
drop index ix_article_category_status_published;
drop index ix_article_featured_published;
drop index ix_article_updated;
drop index ix_author_name;
drop index ix_category_name;

create index ix_article_published on article (published_at desc nulls last, id desc nulls last);
create index ix_article_status_published on article (status, published_at desc nulls last, id desc nulls last);
create index ix_article_category_published on article (category_id, published_at desc nulls last, id desc nulls last);
create index ix_article_featured_published on article (featured, published_at desc nulls last, id desc nulls last);
create index ix_article_updated on article (updated_at desc nulls last, id desc nulls last);
create index ix_article_created on article (created_at desc nulls last, id desc nulls last);
create index ix_article_title on article (title desc nulls last, id desc nulls last);

create index ix_author_name on author (name desc nulls last, id desc nulls last);
create index ix_category_name on category (name desc nulls last, id desc nulls last);
-- Editors' lists hold drafts, whose publishedAt is null; their ascending order (nulls still last) is the one
-- order no index above gives read backwards.
create index ix_article_published_asc on article (published_at asc nulls last, id asc nulls first);
