package io.headline.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An XML byte stream whose tags, comments and processing instructions are at most MAX_MARKUP bytes long, with no
 * DOCTYPE, read before the parser sees it. The JDK's StAX parser holds each of these whole before it reports it (a
 * 600 MB attribute or comment would be held in memory), while it hands text and CDATA sections on in chunks; so this is
 * where the parser's memory is bounded, and a stream that breaks the bound ends as XML that cannot be read does.
 *
 * <p>It reads bytes as ASCII, which holds for UTF-8 and every encoding WordPress writes; a stream that does not begin
 * with an ASCII {@code <} (UTF-16, UTF-32, EBCDIC) is refused, since its markup could not be told from its text here.
 */
final class BoundedMarkup extends FilterInputStream {

    /** The longest tag (with its attributes), comment or processing instruction, in bytes. */
    static final int MAX_MARKUP = 1024 * 1024;

    /** Why the stream was refused: a reason of its own, not a parser's. */
    static final class Refused extends IOException {

        Refused(String reason) {
            super(reason);
        }
    }

    private enum State { START, TEXT, OPEN, BANG, TAG, QUOTED, COMMENT, PI, CDATA }

    private static final byte[] CDATA_OPENING = "[CDATA[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private State state = State.START;
    private long position;
    private long length;
    private int matched;
    private byte quote;
    private byte previous;
    private byte beforePrevious;
    private Refused refused;

    BoundedMarkup(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    /**
     * The bytes before one that breaks the bound are handed on, and the refusal comes with the next read: the parser
     * reads ahead, and what it was given before the break (the posts before a DOCTYPE, say) is still read and imported.
     */
    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (refused != null) {
            throw refused;
        }
        int n = super.read(bytes, offset, length);
        for (int i = 0; i < n; i++) {
            try {
                scan(bytes[offset + i]);
            } catch (Refused e) {
                refused = e;
                if (i == 0) {
                    throw e;
                }
                return i;
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void scan(byte b) throws Refused {
        position++;
        switch (state) {
            case START -> start(b);
            case TEXT -> {
                if (b == '<') {
                    open();
                }
            }
            case OPEN -> {
                count();
                state = b == '!' ? State.BANG : b == '?' ? State.PI : State.TAG;
                matched = 0;
                if (state == State.TAG) {
                    tag(b);
                }
            }
            case BANG -> bang(b);
            case TAG, QUOTED -> {
                count();
                tag(b);
            }
            case COMMENT -> {
                count();
                // "<!-->" is not the end of a comment: its dashes are the opening's.
                if (b == '>' && previous == '-' && beforePrevious == '-' && length >= "<!---->".length()) {
                    state = State.TEXT;
                }
            }
            case PI -> {
                count();
                if (b == '>' && previous == '?') {
                    state = State.TEXT;
                }
            }
            case CDATA -> {
                if (b == '>' && previous == ']' && beforePrevious == ']') {
                    state = State.TEXT;
                }
            }
        }
        beforePrevious = previous;
        previous = b;
    }

    /** A UTF-8 byte order mark and white space may come first; then an ASCII {@code <}, not followed by a zero byte. */
    private void start(byte b) throws Refused {
        boolean byteOrderMark = (position == 1 && b == (byte) 0xEF) || (position == 2 && b == (byte) 0xBB
                && previous == (byte) 0xEF) || (position == 3 && b == (byte) 0xBF && previous == (byte) 0xBB);
        if (byteOrderMark || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
            return;
        }
        if (b != '<') {
            throw new Refused("not XML in UTF-8 (a WordPress export is UTF-8; save it as UTF-8 and import it again)");
        }
        open();
    }

    private void open() {
        state = State.OPEN;
        length = 1;
    }

    /** After {@code <!}: a comment, a CDATA section, or (refused) a DOCTYPE; anything else is left to the parser. */
    private void bang(byte b) throws Refused {
        count();
        if (matched == 0 && b == '-') {
            state = State.COMMENT;
        } else if (matched < CDATA_OPENING.length && b == CDATA_OPENING[matched]) {
            if (++matched == CDATA_OPENING.length) {
                state = State.CDATA;
            }
        } else if (matched == 0 && (b == 'D' || b == 'd')) {
            throw new Refused("a DOCTYPE (and with it any entity declaration) is refused in a WordPress export, which "
                    + "never has one");
        } else {
            state = State.TAG;
            tag(b);
        }
    }

    private void tag(byte b) {
        if (state == State.QUOTED) {
            if (b == quote) {
                state = State.TAG;
            }
        } else if (b == '"' || b == '\'') {
            quote = b;
            state = State.QUOTED;
        } else if (b == '>') {
            state = State.TEXT;
        }
    }

    private void count() throws Refused {
        if (++length > MAX_MARKUP) {
            throw new Refused("a tag, comment or processing instruction near byte " + position + " is longer than the "
                    + MAX_MARKUP + " bytes one may have");
        }
    }
}
