package io.headline.category;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CategoryRef", description = "A category in compact form, enough to render a link.")
public record CategoryRef(
        @Schema(required = true) UUID id,
        @Schema(examples = "news", required = true) String slug,
        @Schema(examples = "News", required = true) String name) {
}
