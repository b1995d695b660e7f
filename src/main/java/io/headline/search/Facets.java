package io.headline.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Facets", description = "Counts of the matching articles by category and by author, most first.")
public record Facets(
        @Schema(description = "By category.", required = true) List<Facet> categories,
        @Schema(description = "By author.", required = true) List<Facet> authors) {
}
