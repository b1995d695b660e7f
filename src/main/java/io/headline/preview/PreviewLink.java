package io.headline.preview;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PreviewLink", description = "A link that shows one article, whatever its status, to anyone who has "
        + "it, until it expires; no API token needed.")
public record PreviewLink(
        @Schema(description = "The API path that serves the article.", required = true,
                examples = "/api/v1/preview/AZIQ...Ig.q0c...Xw") String url,
        @Schema(description = "The signed token in the path, for a front end's own preview route.", required = true)
        String token,
        @Schema(required = true) Instant expiresAt) {
}
