package io.headline.token;

import io.headline.author.AuthorView;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Token", description = "An API token, without its secret (only its creation returns that, once).")
public record TokenView(
        @Schema(required = true) UUID id,
        @Schema(description = "What the token is for.", examples = "Website front end", required = true) String name,
        @Schema(required = true) TokenRole role,
        @Schema(description = "For an author token: the author it writes as, compact.") AuthorView author,
        @Schema(description = "When it stops working; absent if never.") Instant expiresAt,
        @Schema(required = true) Instant createdAt,
        @Schema(description = "When it was last used, to the minute; absent if never.") Instant lastUsedAt,
        @Schema(description = "The secret to send as `Authorization: Bearer <token>`. Returned once, at creation; "
                + "only a hash is kept.", examples = "hl_3q2-7wFh0a1mV9sZ0rQeX4yKpB6nT8cJdLuE5gHiRoM")
        String token) {
}
