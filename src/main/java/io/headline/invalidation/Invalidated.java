package io.headline.invalidation;

import java.util.Set;

/**
 * A committed change, written on this instance or on another one sharing the database: what holds copies (the
 * response cache, the token cache) drops those whose keys intersect {@link #keys()}, or all of them when
 * {@link #everything()}.
 */
public record Invalidated(Set<String> keys) {

    public boolean everything() {
        return keys.contains(ContentChanged.EVERYTHING);
    }

    public boolean touches(Set<String> others) {
        if (everything()) {
            return true;
        }
        for (String key : others) {
            if (keys.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
