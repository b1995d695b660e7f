-- Finds at start, from the index alone, whether any article is in a locale other than the default (see
-- io.headline.article.StoredLocales): where none is, lists need no locale filter and keep their plans.
create index ix_article_locale on article (locale);
