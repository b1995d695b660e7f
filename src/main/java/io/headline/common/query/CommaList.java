package io.headline.common.query;

import java.util.List;

/**
 * A list parameter ({@code sort}, {@code fields}, {@code include}, {@code formats}) is comma-separated, as the contract
 * declares it ({@code style: form, explode: false}); given more than once, its values add up, so {@code fields=id&fields=slug}
 * means {@code fields=id,slug} to a client that repeats array parameters rather than reading {@code explode}.
 */
public final class CommaList {

    private CommaList() {
    }

    /** The values joined by commas, or null when the parameter was not given. */
    public static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
