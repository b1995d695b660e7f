-- The change feed and webhooks say which translation changed (issue #20): an article's change carries its locale.
-- Null for authors and categories, and for the changes logged before translations existed (then: the default locale).
alter table change_log add column locale varchar(35);
