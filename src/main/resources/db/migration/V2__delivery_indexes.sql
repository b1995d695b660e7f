-- Featured articles, and indexes for the delivery API's filters, each with the newest-first order
-- and id tie-breaker that keyset paging walks.

alter table article add column featured boolean default false not null;

drop index ix_article_category;
create index ix_article_category_status_published on article (category_id, status, published_at desc, id desc);
create index ix_article_featured_published on article (featured, status, published_at desc, id desc);
create index ix_article_updated on article (updated_at, id);

drop index ix_article_author_author;
create index ix_article_author_author_article on article_author (author_id, article_id);

drop index ix_article_tag_tag;
create index ix_article_tag_tag_article on article_tag (tag, article_id);

create index ix_author_name on author (name, id);
create index ix_category_name on category (name, id);
