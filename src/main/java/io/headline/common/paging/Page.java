package io.headline.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as the API returns it: the items and what a client needs to fetch the others. */
public record Page<T>(List<T> data, PageMeta meta) {

    public static <T> Page<T> of(List<T> data, PageRequest request, long totalItems) {
        long totalPages = (totalItems + request.size() - 1) / request.size();
        return new Page<>(data, new PageMeta(request.page(), request.size(), totalItems, totalPages));
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(data.stream().<R>map(mapper).toList(), meta);
    }
}
