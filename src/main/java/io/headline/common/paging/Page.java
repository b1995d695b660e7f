package io.headline.common.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, as the API returns it: the items and what a client needs to fetch the others. */
public record Page<T>(
        @Schema(description = "The items of this page, in the list's order.", required = true) List<T> data,
        @Schema(required = true) PageMeta meta,
        @Schema(required = true) PageLinks links) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(data.stream().<R>map(mapper).toList(), meta, links);
    }
}
