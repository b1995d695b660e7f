package io.headline.common.query;

import java.util.List;
import java.util.function.Function;

/** What a list query found: the items of one page, the cursor after them (if more follow), and the total if counted. */
public record Slice<T>(List<T> items, String nextCursor, Long totalItems) {

    public <R> Slice<R> map(Function<? super T, ? extends R> mapper) {
        return new Slice<>(items.stream().<R>map(mapper).toList(), nextCursor, totalItems);
    }
}
