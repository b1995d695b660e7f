package io.headline.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A 200 as a miss sent it: the headers the application set (not those the route filters add to every request, like
 * RateLimit and CORS, which are added afresh on a hit), the body, and its gzip and brotli copies made once.
 */
record CachedResponse(List<Map.Entry<String, String>> headers, byte[] body, byte[] gzip, byte[] brotli,
        Validators validators, boolean list, Set<String> keys, Instant expiresAt) {

    byte[] body(String encoding) {
        return encoding == null ? body : encoding.equals(Encodings.GZIP) ? gzip : brotli;
    }

    /** Roughly what the entry takes in the heap. */
    int weight() {
        int size = 256 + body.length + gzip.length + brotli.length;
        for (Map.Entry<String, String> header : headers) {
            size += 2 * (header.getKey().length() + header.getValue().length());
        }
        for (String key : keys) {
            size += 2 * key.length();
        }
        return size;
    }
}
