package io.headline.search;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Facet", description = "A category or author and how many of the matching articles it has.")
public record Facet(
        @Schema(description = "The category's or author's id.", required = true) UUID id,
        @Schema(description = "Its slug.", examples = "news", required = true) String slug,
        @Schema(description = "Its name.", examples = "News", required = true) String name,
        @Schema(description = "How many matching articles.", examples = "3", required = true) long count) {
}
