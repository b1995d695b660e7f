package io.headline.author;

import io.headline.delivery.Cacheable;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An author as the API shows it. Embedded in an article it is compact (id, slug and name only) unless
 * the request asks for {@code include=authors}.
 */
@Schema(name = "Author", description = "A person or desk that writes articles. Embedded in an article it carries "
        + "only id, slug, name and updatedAt unless the request has include=authors.")
public record AuthorView(
        @Schema(description = "Opaque, stable identifier.", required = true) UUID id,
        @Schema(description = "URL-safe unique identifier.", examples = "newsdesk", required = true) String slug,
        @Schema(description = "Display name.", examples = "Newsdesk", required = true) String name,
        @Schema(description = "A short biography (plain text).") String bio,
        @Schema(description = "Portrait image URL.") String avatarUrl,
        @Schema(description = "Website URL.") String websiteUrl,
        @Schema(description = "Contact email; present only for callers with an admin token.") String email,
        @Schema(description = "When the author was created (UTC).") Instant createdAt,
        @Schema(description = "When the author was last changed (UTC).") Instant updatedAt) implements Cacheable {

    @Override
    public String surrogateKey() {
        return Cacheable.key("author", id);
    }
}
