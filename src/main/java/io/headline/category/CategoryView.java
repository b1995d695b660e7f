package io.headline.category;

import io.headline.delivery.Cacheable;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Category", description = "A section articles are filed under; categories form a tree. Embedded in "
        + "an article, or as a parent, it carries only id, slug, name and updatedAt unless the request has include=category.")
public record CategoryView(
        @Schema(description = "Opaque, stable identifier.", required = true) UUID id,
        @Schema(description = "URL-safe unique identifier, the same in every locale.", examples = "news",
                required = true) String slug,
        @Schema(description = "The locale of the name and description, a BCP 47 tag of the server's locales "
                + "(headline.locales): the best translation along the locale asked for and its fallbacks, else the "
                + "default locale's text, which every category has. Absent where the category is embedded.",
                examples = "en") String locale,
        @Schema(description = "Display name, in `locale`.", examples = "News", required = true) String name,
        @Schema(description = "What the category holds (plain text), in `locale`.") String description,
        @Schema(description = "The parent category, compact; absent for a top-level category.") CategoryView parent,
        @Schema(description = "When the category was created (UTC).") Instant createdAt,
        @Schema(description = "When the category was last changed (UTC).") Instant updatedAt) implements Cacheable {

    /** A category without a locale: embedded in an article, as a parent. */
    public CategoryView(UUID id, String slug, String name, String description, CategoryView parent, Instant createdAt,
            Instant updatedAt) {
        this(id, slug, null, name, description, parent, createdAt, updatedAt);
    }

    @Override
    public String surrogateKey() {
        return Cacheable.key("category", id);
    }

    @Override
    public Stream<Cacheable> embedded() {
        return Stream.ofNullable(parent);
    }
}
