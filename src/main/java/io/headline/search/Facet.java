package io.headline.search;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Facet", description = "A category or author and how many of the matching articles it has.")
public record Facet(
        @Schema(required = true) UUID id,
        @Schema(examples = "news", required = true) String slug,
        @Schema(examples = "News", required = true) String name,
        @Schema(description = "How many matching articles.", examples = "3", required = true) long count) {
}
