package io.headline.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Facets", description = "Counts of the matching articles by category and by author, most first.")
public record Facets(
        @Schema(required = true) List<Facet> categories,
        @Schema(required = true) List<Facet> authors) {
}
