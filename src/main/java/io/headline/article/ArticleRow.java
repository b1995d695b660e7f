package io.headline.article;

import io.headline.author.AuthorMapper;
import io.headline.author.AuthorView;
import io.headline.category.CategoryMapper;
import io.headline.category.CategoryView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a view shows of an article. A read selects it as columns (ArticleRepository's projections), so that the
 * entity, its collections and their snapshots never enter the persistence context: that bookkeeping, not the
 * database, was most of an uncached read's CPU (issue #19). A write builds it from the entity it wrote.
 *
 * @param category the category in full with its parent's compact view, or compact when it is all a view will show
 * @param authors  in byline order, in full with emails (a view keeps what its shape shows); null until read
 * @param tags     in order; null until read
 * @param group    the key its translations share (Article#group)
 * @param translations the translations a view lists (itself among them); null until read
 */
record ArticleRow(UUID id, String slug, String locale, UUID group, String title, String subtitle, String excerpt, ArticleStatus status,
        Instant publishedAt, boolean featured, String featureImageUrl, UUID featureMediaId, Instant createdAt,
        Instant updatedAt, long version, CategoryView category, ArticleBody body, List<AuthorView> authors,
        List<String> tags, List<ArticleTranslation> translations) {

    /** The columns of {@link ArticleRepository}'s select: the article's, its category's, its body's. */
    ArticleRow(UUID id, String slug, String locale, UUID group, String title, String subtitle, String excerpt,
            ArticleStatus status, Instant publishedAt, boolean featured, String featureImageUrl, UUID featureMediaId, Instant createdAt,
            Instant updatedAt, long version, UUID categoryId, String categorySlug, String categoryName,
            String categoryDescription, Instant categoryCreatedAt, Instant categoryUpdatedAt, UUID parentId,
            String parentSlug, String parentName, Instant parentUpdatedAt, String markdown, String html, String text,
            int wordCount, String legacyMarkdown) {
        this(id, slug, locale, group, title, subtitle, excerpt, status, publishedAt, featured, featureImageUrl,
                featureMediaId, createdAt, updatedAt, version, new CategoryView(categoryId, categorySlug, categoryName,
                        categoryDescription, parentId == null ? null
                                : CategoryMapper.toCompact(parentId, parentSlug, parentName, parentUpdatedAt),
                        categoryCreatedAt, categoryUpdatedAt),
                ArticleBody.read(markdown, html, text, wordCount, legacyMarkdown), null, null, null);
    }

    /** The article a write holds, with its whole body; its category's parent is read only when shown. */
    static ArticleRow of(Article a, ArticleShape shape) {
        return new ArticleRow(a.id, a.slug, a.locale, a.group(), a.title, a.subtitle, a.excerpt, a.status, a.publishedAt, a.featured,
                a.featureImageUrl, a.featureMediaId, a.createdAt, a.updatedAt, a.version,
                shape.fullCategory() ? CategoryMapper.toView(a.category) : CategoryMapper.toCompact(a.category),
                ArticleBody.of(a), a.authors.stream().map(au -> AuthorMapper.toView(au, true)).toList(),
                List.copyOf(a.tags), null);
    }

    ArticleRow withBody(ArticleBody read) {
        return new ArticleRow(id, slug, locale, group, title, subtitle, excerpt, status, publishedAt, featured,
                featureImageUrl, featureMediaId, createdAt, updatedAt, version, category, read, authors, tags,
                translations);
    }

    ArticleRow withCredits(List<AuthorView> credited, List<String> tagged) {
        return new ArticleRow(id, slug, locale, group, title, subtitle, excerpt, status, publishedAt, featured,
                featureImageUrl, featureMediaId, createdAt, updatedAt, version, category, body, credited, tagged,
                translations);
    }

    ArticleRow withNames(CategoryView named, List<AuthorView> credited) {
        return new ArticleRow(id, slug, locale, group, title, subtitle, excerpt, status, publishedAt, featured,
                featureImageUrl, featureMediaId, createdAt, updatedAt, version, named, body, credited, tags,
                translations);
    }

        ArticleRow withTranslations(List<ArticleTranslation> found) {
        return new ArticleRow(id, slug, locale, group, title, subtitle, excerpt, status, publishedAt, featured,
                featureImageUrl, featureMediaId, createdAt, updatedAt, version, category, body, authors, tags, found);
    }

    boolean isPublicAt(Instant now) {
        return Article.isPublicAt(status, publishedAt, now);
    }
}
