package io.headline.author;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuthorRef", description = "An author in compact form, enough to render a byline.")
public record AuthorRef(
        @Schema(required = true) UUID id,
        @Schema(examples = "newsdesk", required = true) String slug,
        @Schema(examples = "Newsdesk", required = true) String name) {
}
