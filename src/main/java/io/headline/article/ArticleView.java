package io.headline.article;

import io.headline.author.AuthorRef;
import io.headline.category.CategoryRef;
import io.headline.delivery.Cacheable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Article", description = "An article with its category and authors in compact form, "
        + "so that a card or a page renders without a second request.")
public record ArticleView(
        @Schema(description = "Opaque, stable identifier.", required = true) UUID id,
        @Schema(description = "URL-safe unique identifier.", examples = "extraction-sequel-in-the-works", required = true)
        String slug,
        @Schema(description = "Headline.", examples = "Extraction sequel in the works", required = true) String title,
        @Schema(description = "Standfirst or dek.") String subtitle,
        @Schema(description = "A short summary (plain text).") String excerpt,
        @Schema(description = "The body as Markdown; present on single articles, omitted in lists.") String body,
        @Schema(required = true) ArticleStatus status,
        @Schema(description = "When the article is (or was) published (UTC); absent for an unpublished draft.")
        Instant publishedAt,
        @Schema(required = true) CategoryRef category,
        @Schema(description = "Authors in byline order.", required = true) List<AuthorRef> authors,
        @Schema(description = "Tags in order.", required = true) List<String> tags,
        @Schema(description = "Lead image URL.") String featureImageUrl,
        @Schema(description = "When the article was created (UTC).", required = true) Instant createdAt,
        @Schema(description = "When the article was last changed (UTC).", required = true) Instant updatedAt,
        @Schema(description = "Increases with every change; the basis of optimistic concurrency.", required = true)
        long version) implements Cacheable {

    @Override
    public String surrogateKey() {
        return Cacheable.key("article", id);
    }

    @Override
    public Stream<Cacheable> embedded() {
        return Stream.concat(Stream.of(category), authors.stream());
    }
}
