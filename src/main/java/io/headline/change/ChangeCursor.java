package io.headline.change;

import io.headline.common.error.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the change log, as clients hold it: opaque (base64url of a versioned sequence number), so that what it
 * encodes may change without breaking them. The log's numbers follow commit order, so one number is all a position
 * needs, for the public view as for the private one.
 */
final class ChangeCursor {

    private static final String VERSION = "c1:";

    private ChangeCursor() {
    }

    static String of(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The sequence number {@code cursor} stands for; no cursor is the log's beginning. */
    static long parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(VERSION)) {
                long seq = Long.parseLong(text.substring(VERSION.length()));
                if (seq >= 0 && of(seq).equals(cursor)) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: refused below
        }
        throw ProblemException.invalidParameter("since", "is not a cursor this API issued; start without one, or pass "
                + "a nextCursor from an earlier answer");
    }
}
