package io.headline.article;

import io.headline.author.AuthorMapper;
import io.headline.category.CategoryMapper;
import io.headline.media.MediaImage;
import io.headline.rendering.MarkdownRenderer;
import io.headline.rendering.Rendered;
import io.headline.search.Snippets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** Converts between articles and their API models; entities never reach JSON. */
public final class ArticleMapper {

    /** About the length search engines show of a description. */
    private static final int EXCERPT_LENGTH = 160;

    /** headline.site-url (see HeadlineConfig), read once: the base of canonical URLs. */
    private static final Optional<String> SITE_URL = ConfigProvider.getConfig()
            .getOptionalValue("headline.site-url", String.class).map(url -> url.replaceAll("/+$", ""));

    private ArticleMapper() {
    }

    /**
     * The article a write holds in the requested shape, with its whole body; members left out are null, which JSON
     * omits.
     *
     * @param feature the article's feature media (see ArticleImages), or null
     */
    static ArticleView toView(Article a, MediaImage feature, Instant now, ArticleShape shape) {
        return toView(ArticleRow.of(a, shape), feature, now, shape);
    }

    /** The article in the requested shape, with what its row holds of its body (see ArticleRepository#bodies). */
    static ArticleView toView(ArticleRow a, MediaImage feature, Instant now, ArticleShape shape) {
        Rendered body = a.body().rendered();
        FeatureImage image = featureImage(a, feature);
        String imageUrl = image == null ? null : image.url();
        String excerpt = a.excerpt() != null ? a.excerpt() : MarkdownRenderer.excerpt(body.text(), EXCERPT_LENGTH);
        return new ArticleView(
                a.id(),
                shape.has("slug") ? a.slug() : null,
                shape.has("locale") ? a.locale() : null,
                shape.has("translations") ? translations(a) : null,
                shape.has("title") ? a.title() : null,
                shape.has("subtitle") ? a.subtitle() : null,
                shape.has("excerpt") ? excerpt : null,
                shape.has("body") ? a.body().markdown() : null,
                shape.has("bodyHtml") ? body.html() : null,
                shape.has("bodyText") ? body.text() : null,
                shape.has("wordCount") ? body.wordCount() : null,
                shape.has("readingTimeMinutes") ? body.readingTimeMinutes() : null,
                shape.has("status") ? ArticleRules.statusAt(a.status(), a.publishedAt(), now) : null,
                shape.has("featured") ? a.featured() : null,
                shape.has("publishedAt") ? a.publishedAt() : null,
                !shape.has("category") ? null
                        : shape.fullCategory() ? a.category() : CategoryMapper.toCompact(a.category()),
                !shape.has("authors") ? null : a.authors().stream()
                        .map(au -> AuthorMapper.toView(au, shape.fullAuthors(), shape.authorEmails()))
                        .toList(),
                shape.has("tags") ? a.tags() : null,
                shape.has("featureImageUrl") ? imageUrl : null,
                shape.has("featureImage") ? image : null,
                shape.has("createdAt") ? a.createdAt() : null,
                shape.has("updatedAt") ? a.updatedAt() : null,
                shape.has("version") ? a.version() : null,
                shape.has("seo") ? new SeoView(a.title(), excerpt,
                        SITE_URL.map(site -> site + "/" + a.slug()).orElse(null), imageUrl) : null,
                shape.has("snippet") && shape.query() != null ? snippet(a, a.body().markdown(), shape.query()) : null);
    }

    /** The translations read for the row, or the row alone when none were (one locale, or a write's own). */
    private static List<ArticleTranslation> translations(ArticleRow a) {
        return a.translations() != null ? a.translations() : List.of(ArticleTranslation.of(a.locale(), a.slug()));
    }

    /** The feature image: the media's, with all an {@code <img>} needs, or the URL given. */
    private static FeatureImage featureImage(ArticleRow a, MediaImage media) {
        if (a.featureMediaId() == null || media == null) {
            return FeatureImage.ofUrl(a.featureImageUrl());
        }
        return new FeatureImage(media.id(), media.url(), media.width(), media.height(), media.alt(), media.caption(),
                media.placeholder(), media.srcset(), media.srcset() == null ? null : FeatureImage.SIZES);
    }

    private static String snippet(ArticleRow a, String markdown, String query) {
        String fromBody = Snippets.of(markdown, query);
        if (fromBody != null) {
            return fromBody;
        }
        String fromExcerpt = Snippets.of(a.excerpt(), query);
        return fromExcerpt != null ? fromExcerpt : Snippets.of(a.title(), query);
    }

    public static ArticleInput toInput(Article a) {
        return new ArticleInput(a.slug, a.title, a.subtitle, a.excerpt, a.body, a.status, a.featured, a.publishedAt,
                a.category.id.toString(), a.authors.stream().map(au -> au.id.toString()).toList(), List.copyOf(a.tags),
                a.featureImageUrl, a.featureMediaId == null ? null : a.featureMediaId.toString(), a.locale);
    }
}
