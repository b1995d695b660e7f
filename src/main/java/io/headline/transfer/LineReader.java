package io.headline.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of an NDJSON stream, one at a time, each at most {@code maxBytes} long: a longer one is skipped to its
 * end without being held, so a reader never holds more than one line whatever the input.
 */
final class LineReader {

    /** A line as read: its number (from 1), its bytes (without the line break), or that it was too long. */
    record Line(int number, byte[] bytes, int length, boolean tooLong) {

        boolean blank() {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int number;
    private long bytesRead;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        byte[] line = new byte[256];
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
                bytesRead += limit;
            }
            any = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int chunk = end - position;
            if (!tooLong) {
                if (length + chunk > maxBytes) {
                    tooLong = true;
                    line = null;
                } else {
                    if (length + chunk > line.length) {
                        line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
                    }
                    System.arraycopy(buffer, position, line, length, chunk);
                    length += chunk;
                }
            }
            position = end;
            if (end < limit) {
                position++;
                break;
            }
        }
        number++;
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new Line(number, tooLong ? null : line, tooLong ? 0 : length, tooLong);
    }

    long bytesRead() {
        return bytesRead;
    }
}
