package io.headline.common.paging;

import io.headline.common.query.Slice;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/** Turns what a list query found into the page a client reads, with the link that continues it. */
public final class Pages {

    private Pages() {
    }

    public static <T> Page<T> of(Slice<T> slice, PageRequest request, UriInfo uri) {
        return of(slice, request, uri.getRequestUriBuilder());
    }

    /** A list short enough to be one page whatever its size (an item's translations), as a page. */
    public static <T> Page<T> whole(List<T> items, UriInfo uri) {
        return of(new Slice<>(items, null, null), new PageRequest(1, Math.max(1, items.size()), null, false), uri);
    }

    /** @param query the request whose next page {@code links.next} names */
    public static <T> Page<T> of(Slice<T> slice, PageRequest request, UriBuilder query) {
        Long totalPages = slice.totalItems() == null ? null : (slice.totalItems() + request.size() - 1) / request.size();
        PageMeta meta = new PageMeta(request.cursor() == null ? request.page() : null, request.size(),
                slice.totalItems(), totalPages, slice.nextCursor(), slice.truncated() ? true : null);
        return new Page<>(slice.items(), meta, new PageLinks(slice.nextCursor() == null ? null : next(query, slice)));
    }

    /** The same request with the cursor in place of any page number; relative, so it survives proxies. */
    private static String next(UriBuilder query, Slice<?> slice) {
        URI next = query.clone().replaceQueryParam("page").replaceQueryParam("cursor", slice.nextCursor())
                .build();
        return next.getRawPath() + "?" + next.getRawQuery();
    }
}
