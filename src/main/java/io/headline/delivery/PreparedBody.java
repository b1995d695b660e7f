package io.headline.delivery;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A response body the application serialized itself, in a format other than the API's JSON (a feed, a sitemap), with
 * what it shows: {@link HttpCachingFilter} gives it an ETag, Last-Modified, Cache-Control and Surrogate-Key, answers
 * 304 and lets the response cache keep it, as it does for a JSON read. It is a list: If-Modified-Since does not
 * validate it (an item leaving it moves no remaining item's date), If-None-Match does.
 *
 * @param surrogateKeys the keys a write purges it by (see {@link Cacheable})
 * @param lastModified  when the newest content it shows changed; empty when it shows none
 */
public record PreparedBody(byte[] bytes, Set<String> surrogateKeys, Optional<Instant> lastModified) {

    public PreparedBody {
        surrogateKeys = Collections.unmodifiableSet(new LinkedHashSet<>(surrogateKeys));
    }

    Dependencies dependencies() {
        return new Dependencies(surrogateKeys, lastModified);
    }
}
