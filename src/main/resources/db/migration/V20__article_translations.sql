-- Localized content (issue #20): each translation of an article is an article row of its own, in its locale (a BCP 47
-- tag of headline.locales), with its own slug, status, publication time and revisions; the translations of one
-- article share a group. What they share (category, authors, tags, feature image, featured) is kept on every row of
-- the group, written together by the one write path: the lists by category, tag and time keep reading one row per
-- item from one index range, as before.
--
-- The group is the id of its first translation; that row itself has none (null: its own id). So adding the columns
-- rewrites no row: PostgreSQL recomputes the generated search document of every row an update touches (about 1 ms an
-- article), and a constant default adds a column without touching rows. Articles written before are in 'en', the
-- default of headline.locales.

alter table article add column locale varchar(35) default 'en' not null;
alter table article add column translation_group uuid;
create index ix_article_translation_group on article (translation_group);

-- A slug is unique within its locale: two translations may share one.
alter table article drop constraint uq_article_slug;
alter table article add constraint uq_article_slug_locale unique (slug, locale);

-- A former slug leads to the translation that had it, within its locale.
alter table article_slug_history add column locale varchar(35) default 'en' not null;
alter table article_slug_history drop constraint pk_article_slug_history;
alter table article_slug_history add constraint pk_article_slug_history primary key (slug, locale);
