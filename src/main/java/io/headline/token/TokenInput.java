package io.headline.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenInput", description = "A token to create.")
public record TokenInput(
        @Schema(description = "What the token is for, e.g. the app or person using it.", examples = "Website front end",
                required = true)
        @NotBlank @Size(max = 200)
        String name,
        @Schema(required = true)
        @NotNull
        TokenRole role,
        @Schema(description = "For an author token (required for role author): the author it writes as, by id or slug.",
                examples = "newsdesk")
        @Size(max = 200)
        String author,
        @Schema(description = "When the token stops working (ISO-8601 with offset, years 0001 to 9999); omit for a token "
                + "that does not expire.",
                examples = "2030-01-01T00:00:00Z")
        Instant expiresAt) {
}
