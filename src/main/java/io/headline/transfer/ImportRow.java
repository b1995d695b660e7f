package io.headline.transfer;

import io.headline.article.ArticleStatus;
import io.headline.rendering.Rendered;
import java.time.Instant;
import java.util.List;

/** One line of an import, read and validated, ready to be written: what the database is to hold for its key. */
sealed interface ImportRow {

    int line();

    /** What identifies the row within its type: two rows with one key never share a batch. */
    String key();

    /**
     * @param createOnly true for a category another format only names (a WordPress export's): created when missing,
     *                   an existing one is left as it is
     */
    record CategoryRow(int line, String slug, String name, String description, String parent, boolean createOnly)
            implements ImportRow {

        @Override
        public String key() {
            return "category:" + slug;
        }
    }

    /** @param createOnly as a category's: created when missing, an existing one left as it is */
    record AuthorRow(int line, String slug, String name, String bio, String avatarUrl, String websiteUrl, String email,
            boolean createOnly) implements ImportRow {

        @Override
        public String key() {
            return "author:" + slug;
        }
    }

    /**
     * @param status      null when the line gives none: a new article is a draft, an existing one keeps its status
     * @param publishedAt as the line gives it, or null (ArticleRules decides what is stored)
     * @param featureImage a media id or an image's URL, as ArticleInput's, or null
     * @param keepsFeature the feature image is set by a later pass (FeatureImages, for a WordPress post's featured
     *                     image): an existing article keeps the one it has
     * @param locale       one of the configured locales, in its configured spelling
     * @param group        the key that links the translations of one article within an import (an NDJSON line's
     *                     translationGroup, a Polylang or WPML group, a Markdown translationKey), or null: the article
     *                     is its own group, or keeps the one it has
     */
    record ArticleRow(int line, String slug, String externalId, String title, String subtitle, String excerpt,
            String body, Rendered rendered, ArticleStatus status, boolean featured, Instant publishedAt,
            String category, List<String> authors, List<String> tags, String featureImageUrl, String featureImage,
            boolean keepsFeature, String locale, String group) implements ImportRow {

        @Override
        public String key() {
            return "article:" + locale + ":" + slug;
        }

        ArticleRow keepingFeature() {
            return new ArticleRow(line, slug, externalId, title, subtitle, excerpt, body, rendered, status, featured,
                    publishedAt, category, authors, tags, featureImageUrl, featureImage, true, locale, group);
        }

        /** The second key an article is known by. */
        String externalKey() {
            return externalId == null ? null : "article-external:" + externalId;
        }
    }
}
