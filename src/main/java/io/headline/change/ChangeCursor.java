package io.headline.change;

import io.headline.common.error.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the change log, as clients hold it: opaque (base64url of a versioned text), so that what it encodes
 * may change without breaking them. The log's numbers follow commit order, so one number is all a position needs, for
 * the public view as for the private one; with it goes the mark of the change at that number (see
 * {@link ChangeMarks}), so that a cursor into a log that has since been restored to an earlier state, and numbered on
 * from there, is told from one into this log.
 */
final class ChangeCursor {

    /** Number and keyed mark. */
    private static final String VERSION = "c3:";
    /** Number and unkeyed mark ({@link ChangeMarks#unkeyed}): issued before keyed marks, still accepted. */
    private static final String UNKEYED = "c2:";
    /** Number only: issued before marks, still accepted. */
    private static final String UNMARKED = "c1:";

    /**
     * A number, and the mark of the change it stands after (null: not known, or the log's beginning); {@code keyed}
     * says which kind of mark it is.
     */
    record Position(long seq, String mark, boolean keyed) {

        static final Position START = new Position(0, null, true);
    }

    private ChangeCursor() {
    }

    static String of(long seq, String mark) {
        return encode(VERSION + seq + ":" + mark);
    }

    static String start() {
        return of(0, "");
    }

    /** A cursor as issued before marks: still accepted. */
    static String unmarked(long seq) {
        return encode(UNMARKED + seq);
    }

    /** The position {@code cursor} stands for; no cursor is the log's beginning. */
    static Position parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Position.START;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (encode(text).equals(cursor)) {
                boolean keyed = text.startsWith(VERSION);
                if (keyed || text.startsWith(UNKEYED)) {
                    String[] parts = text.substring(VERSION.length()).split(":", -1);
                    long seq = Long.parseLong(parts[0]);
                    if (parts.length == 2 && seq >= 0 && (seq == 0) == parts[1].isEmpty()) {
                        return new Position(seq, seq == 0 ? null : parts[1], keyed);
                    }
                } else if (text.startsWith(UNMARKED)) {
                    long seq = Long.parseLong(text.substring(UNMARKED.length()));
                    if (seq >= 0) {
                        return new Position(seq, null, true);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: refused below
        }
        throw ProblemException.invalidParameter("since", "is not a cursor this API issued; start without one, or pass "
                + "a nextCursor from an earlier answer");
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
