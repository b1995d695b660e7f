-- An article's feature image may be a file of the media library (issue #18): then feature_media_id names it and
-- feature_image_url is null; a URL feature image keeps using feature_image_url. The media cannot go while an article
-- uses it (the foreign key, and article_media, which MediaService checks to answer 409).
alter table article add column feature_media_id uuid;
alter table article add constraint fk_article_feature_media foreign key (feature_media_id) references media (id);
create index ix_article_feature_media on article (feature_media_id);
