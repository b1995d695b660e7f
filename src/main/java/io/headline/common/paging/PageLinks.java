package io.headline.common.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PageLinks", description = "Ready-made links to related pages of the same query.")
public record PageLinks(
        @Schema(description = "The next page of the same query (by cursor); absent on the last page.",
                examples = "/api/v1/articles?size=20&cursor=eyJzIjoiLXB1Ymxpc2hlZEF0LGlkIiwidiI6W119")
        String next) {
}
