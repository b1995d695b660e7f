package io.headline.article;

import io.headline.author.AuthorView;
import io.headline.category.CategoryView;
import io.headline.delivery.Cacheable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article as the API shows it. Which members are present depends on the request: {@code fields}
 * selects them (the id is always there), lists leave the body out unless asked, and {@code include}
 * turns the compact category and authors into full objects.
 */
@Schema(name = "Article", description = "An article with its category and authors, compact by default (id, slug, "
        + "name) so that a card or a page renders without a second request. Every member is present unless "
        + "`fields` selects a subset; `id` is always present; lists leave out the body forms unless `fields` or `formats` asks for them.")
public record ArticleView(
        @Schema(description = "Opaque, stable identifier.", required = true) UUID id,
        @Schema(description = "URL-safe identifier, unique within the article's locale.",
                examples = "extraction-sequel-in-the-works") String slug,
        @Schema(description = "The locale of this translation, a BCP 47 tag of the server's locales "
                + "(headline.locales); the response's Content-Language says the same.", examples = "en") String locale,
        @Schema(description = "The translations of this article the caller may see, this one among them, in the order "
                + "of the server's locales.") List<ArticleTranslation> translations,
        @Schema(description = "Headline.", examples = "Extraction sequel in the works") String title,
        @Schema(description = "Standfirst or dek.") String subtitle,
        @Schema(description = "A short summary (plain text): the one written, or the first ~160 characters of the body.")
        String excerpt,
        @Schema(description = "The body as Markdown (formats=markdown); on single articles by default, in lists only "
                + "when asked for.")
        String body,
        @Schema(description = "The body as sanitized HTML, safe to insert into a page (formats=html); on single articles "
                + "by default.")
        String bodyHtml,
        @Schema(description = "The body as plain text (formats=plaintext); only when asked for.") String bodyText,
        @Schema(description = "Words in the body.", examples = "412") Integer wordCount,
        @Schema(description = "Minutes to read the body at 230 words a minute, rounded up.", examples = "2")
        Integer readingTimeMinutes,
        ArticleStatus status,
        @Schema(description = "Whether editors feature the article.") Boolean featured,
        @Schema(description = "When the article is (or was) published (UTC); absent for an unpublished draft.")
        Instant publishedAt,
        CategoryView category,
        @Schema(description = "Authors in byline order.") List<AuthorView> authors,
        @Schema(description = "Tags in order.") List<String> tags,
        @Schema(description = "Lead image URL: the one given, or the media's file when the lead image is a media "
                + "(`featureImage` says more).") String featureImageUrl,
        FeatureImage featureImage,
        @Schema(description = "When the article was created (UTC).") Instant createdAt,
        @Schema(description = "When the article was last changed (UTC).") Instant updatedAt,
        @Schema(description = "Increases with every change; the basis of optimistic concurrency.") Long version,
        SeoView seo,
        @Schema(description = "With `q`: a passage around the first match, HTML-escaped, matches in <mark>...</mark>.",
                examples = "…Joe Russo has been tapped to write a <mark>sequel</mark> to Chris Hemsworth's…")
        String snippet) implements Cacheable {

    @Override
    public String surrogateKey() {
        return Cacheable.key("article", id);
    }

    @Override
    public Stream<Cacheable> embedded() {
        return Stream.concat(Stream.ofNullable(category), authors == null ? Stream.empty() : authors.stream());
    }
}
