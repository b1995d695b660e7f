package io.headline.article;

import io.headline.common.error.ProblemException;
import io.headline.change.ChangeRecorder;
import io.headline.change.ResourceType;
import io.headline.media.MediaChanged;
import io.headline.media.MediaImage;
import io.headline.media.MediaService;
import io.headline.rendering.MarkdownRenderer;
import io.headline.rendering.MediaRef;
import io.headline.rendering.Rendered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The media in articles (issue #18): a feature image that is a file of the media library, and the media:{id}
 * references of a body. Checks them on every write, records them in article_media (what makes their files public with
 * the article and keeps them from being deleted), reads a page's feature images in one query, and renders the bodies
 * that show a media again when it changes.
 *
 * <p>Any token that may write an article may name any media in it, an author token too: a media is only a file, and
 * naming it publishes it only with the article, which an editor publishes.
 */
@ApplicationScoped
public class ArticleImages {

    /** The feature image a write asks for: a media of the library, or an image elsewhere by URL, or none. */
    public record Feature(UUID mediaId, String url) {
    }

    private static final Pattern MEDIA_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final MediaService media;
    private final ArticleRepository articles;
    private final ChangeRecorder recorder;

    ArticleImages(MediaService media, ArticleRepository articles, ChangeRecorder recorder) {
        this.media = media;
        this.articles = articles;
        this.recorder = recorder;
    }

    /**
     * Sets the article's feature image from the input: {@code featureImage} (a media id or a URL) or
     * {@code featureImageUrl}; when both are given they must name the same image.
     */
    void applyFeature(Article article, ArticleInput input) {
        Feature feature = feature(input.featureImage(), input.featureImageUrl());
        article.featureMediaId = feature.mediaId();
        article.featureImageUrl = feature.url();
    }

    /** The feature image of {@code featureImage} and {@code featureImageUrl}, or a 422 naming what is wrong. */
    public Feature feature(String given, String url) {
        if (given == null) {
            return new Feature(null, url);
        }
        if (!MEDIA_ID.matcher(given).matches()) {
            if (url != null && !url.equals(given)) {
                throw ProblemException.invalidField("featureImageUrl", "names another image than featureImage; send "
                        + "one of them");
            }
            return new Feature(null, given);
        }
        UUID id = UUID.fromString(given);
        MediaImage image = media.images(Set.of(id)).get(id);
        if (image == null) {
            throw ProblemException.invalidField("featureImage", "names media " + id + ", which does not exist");
        }
        if (!image.isImage()) {
            throw ProblemException.invalidField("featureImage", "names media " + id + ", a " + image.contentType()
                    + ", not an image");
        }
        if (url != null && !url.equals(image.url())) {
            throw ProblemException.invalidField("featureImageUrl", "names another image than featureImage; send one "
                    + "of them");
        }
        return new Feature(id, null);
    }

    /** Renders the body with the media it names; a media that does not exist is the client's error (422). */
    void render(Article article) {
        article.store(render(article.body));
    }

    /** {@link #render(Article)} for a body alone. */
    public Rendered render(String body) {
        Set<UUID> ids = MarkdownRenderer.mediaIds(body);
        Map<UUID, MediaImage> found = media.images(ids);
        for (UUID id : ids) {
            if (!found.containsKey(id)) {
                throw ProblemException.invalidField("body", "names media:" + id + ", which does not exist");
            }
        }
        return MarkdownRenderer.render(body, id -> Optional.ofNullable(found.get(id)).map(ArticleImages::ref));
    }

    private static MediaRef ref(MediaImage image) {
        return new MediaRef(image.url(), image.contentSrc(), image.srcset(), image.width(), image.height(), image.alt());
    }

    /** Records the media the article uses now: its feature image and those its body names. After it is flushed. */
    void recordUse(Article article, boolean created) {
        Set<UUID> used = used(article.featureMediaId, article.body);
        if (!created || !used.isEmpty()) { // a new article that uses none has none recorded either
            media.recordUse(article.id, used);
        }
    }

    /** {@link #recordUse(Article)} for an article written with plain JDBC. */
    public void recordUse(UUID articleId, UUID featureMediaId, String body) {
        media.recordUse(articleId, used(featureMediaId, body));
    }

    private static Set<UUID> used(UUID featureMediaId, String body) {
        Set<UUID> used = new LinkedHashSet<>();
        if (featureMediaId != null) {
            used.add(featureMediaId);
        }
        used.addAll(MarkdownRenderer.mediaIds(body));
        return used;
    }

    /** The feature media of the articles, when {@code shape} shows them: one query for a whole page, none without. */
    Map<UUID, MediaImage> features(Collection<ArticleRow> page, ArticleShape shape) {
        if (!shape.has("featureImage") && !shape.has("featureImageUrl") && !shape.has("seo")) {
            return Map.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (ArticleRow a : page) {
            if (a.featureMediaId() != null) {
                ids.add(a.featureMediaId());
            }
        }
        return media.images(ids);
    }

    /** The feature media of one article, or null. */
    MediaImage feature(Article article) {
        return article.featureMediaId == null ? null : media.images(Set.of(article.featureMediaId))
                .get(article.featureMediaId);
    }

    static MediaImage featureOf(ArticleRow article, Map<UUID, MediaImage> features) {
        return article.featureMediaId() == null ? null : features.get(article.featureMediaId());
    }

    /**
     * A media's texts or file version changed: the bodies that show it render again (their stored HTML names its
     * alt text and its URLs), and every article that uses it is shown anew wherever it is cached. In the media
     * change's transaction.
     */
    void mediaChanged(@Observes MediaChanged changed) {
        for (UUID id : media.articlesUsing(changed.mediaId())) {
            Optional<Article> found = articles.findByIdOptional(id);
            if (found.isEmpty()) {
                continue;
            }
            Article article = found.get();
            if (MarkdownRenderer.mediaIds(article.body).contains(changed.mediaId())) {
                Map<UUID, MediaImage> shown = media.images(MarkdownRenderer.mediaIds(article.body));
                article.render(ref -> Optional.ofNullable(shown.get(ref)).map(ArticleImages::ref));
            }
            recorder.shownAnew(ResourceType.article, id);
        }
    }
}
