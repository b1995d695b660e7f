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
        @Schema(description = "URL-safe unique identifier, the same in every locale.", examples = "newsdesk",
                required = true) String slug,
        @Schema(description = "The locale of the name and bio, a BCP 47 tag of the server's locales "
                + "(headline.locales): the best translation along the locale asked for and its fallbacks, else the "
                + "default locale's text, which every author has. Absent where the author is embedded.",
                examples = "en") String locale,
        @Schema(description = "Display name, in `locale`.", examples = "Newsdesk", required = true) String name,
        @Schema(description = "A short biography (plain text), in `locale`.") String bio,
        @Schema(description = "Portrait image URL.") String avatarUrl,
        @Schema(description = "Website URL.") String websiteUrl,
        @Schema(description = "Contact email; present only for callers with an admin token.") String email,
        @Schema(description = "When the author was created (UTC).") Instant createdAt,
        @Schema(description = "When the author was last changed (UTC).") Instant updatedAt) implements Cacheable {

    /** An author without a locale: embedded in an article, or in a token. */
    public AuthorView(UUID id, String slug, String name, String bio, String avatarUrl, String websiteUrl, String email,
            Instant createdAt, Instant updatedAt) {
        this(id, slug, null, name, bio, avatarUrl, websiteUrl, email, createdAt, updatedAt);
    }

    @Override
    public String surrogateKey() {
        return Cacheable.key("author", id);
    }
}
