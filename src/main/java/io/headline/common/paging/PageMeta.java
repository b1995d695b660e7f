package io.headline.common.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PageMeta", description = "Where this page sits in the whole list.")
public record PageMeta(
        @Schema(description = "This page's number, from 1; absent when the page was fetched by cursor.", examples = "1")
        Integer page,
        @Schema(description = "The most items a page holds.", examples = "20", required = true)
        int size,
        @Schema(description = "How many items the whole list has; absent with count=false.", examples = "42")
        Long totalItems,
        @Schema(description = "How many pages of this size the list has; absent with count=false.", examples = "3")
        Long totalPages,
        @Schema(description = "Opaque cursor that continues the same query after this page (pass it as `cursor`); "
                + "absent on the last page.", examples = "eyJzIjoiLXB1Ymxpc2hlZEF0LGlkIiwidiI6W119")
        String nextCursor,
        @Schema(description = "Present, and true, when this page holds fewer than `size` items although more follow: "
                + "the bodies it was asked for (`fields`, `formats`) reached the budget of one response "
                + "(headline.limits.list-body-budget, 4 MiB by default). `meta.nextCursor` and `links.next` continue "
                + "right after the last item returned. A page always holds at least one item.", examples = "true")
        Boolean truncated) {
}
