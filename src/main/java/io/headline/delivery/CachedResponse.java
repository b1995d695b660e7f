package io.headline.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A 200 as a miss sent it: the headers the application set (not those the route filters add to every request, like
 * RateLimit and CORS, which are added afresh on a hit), the body, and its gzip and brotli copies, each made once the
 * first time a miss is asked for that coding (null until then: most callers ask for one coding only, and a load
 * generator or a server-side client for none).
 */
record CachedResponse(List<Map.Entry<String, String>> headers, byte[] body, byte[] gzip, byte[] brotli,
        Validators validators, boolean list, Set<String> keys, Instant expiresAt) {

    /** The body in this coding (null: none), or null when no copy in it is kept yet. */
    byte[] body(String encoding) {
        return encoding == null ? body : encoding.equals(Encodings.GZIP) ? gzip
                : encoding.equals(Encodings.BROTLI) ? brotli : null;
    }

    /** This response with a copy in {@code encoding} too, made here if it is not kept yet. */
    CachedResponse withCopy(String encoding) {
        if (encoding == null || body(encoding) != null) {
            return this;
        }
        return encoding.equals(Encodings.GZIP)
                ? new CachedResponse(headers, body, Encodings.gzip(body), brotli, validators, list, keys, expiresAt)
                : new CachedResponse(headers, body, gzip, Encodings.brotli(body), validators, list, keys, expiresAt);
    }

    /** Roughly what the entry takes in the heap. */
    int weight() {
        int size = 256 + body.length + (gzip == null ? 0 : gzip.length) + (brotli == null ? 0 : brotli.length);
        for (Map.Entry<String, String> header : headers) {
            size += 2 * (header.getKey().length() + header.getValue().length());
        }
        for (String key : keys) {
            size += 2 * key.length();
        }
        return size;
    }
}
