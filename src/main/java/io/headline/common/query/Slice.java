package io.headline.common.query;

import java.util.List;
import java.util.function.Function;

/**
 * What a list query found: the items of one page, the cursor after them (if more follow), the total if counted, and
 * whether the page stopped short of its size because its items reached a budget (see {@link ListQuery#fetch}).
 */
public record Slice<T>(List<T> items, String nextCursor, Long totalItems, boolean truncated) {

    public Slice(List<T> items, String nextCursor, Long totalItems) {
        this(items, nextCursor, totalItems, false);
    }

    public <R> Slice<R> map(Function<? super T, ? extends R> mapper) {
        return new Slice<>(items.stream().<R>map(mapper).toList(), nextCursor, totalItems, truncated);
    }
}
