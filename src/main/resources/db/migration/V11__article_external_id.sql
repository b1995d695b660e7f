-- Bulk import (io.headline.transfer) upserts an article by the id it has in the system it comes from, when the line
-- gives one. Unique when present: both databases let any number of rows leave it null.
alter table article add column external_id varchar(200);
create unique index uq_article_external_id on article (external_id);
