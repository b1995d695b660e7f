package io.headline.common.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PageMeta", description = "Where this page sits in the whole list.")
public record PageMeta(
        @Schema(description = "This page's number, from 1.", examples = "1", required = true)
        int page,
        @Schema(description = "The most items a page holds.", examples = "20", required = true)
        int size,
        @Schema(description = "How many items the whole list has.", examples = "42", required = true)
        long totalItems,
        @Schema(description = "How many pages of this size the list has.", examples = "3", required = true)
        long totalPages) {
}
