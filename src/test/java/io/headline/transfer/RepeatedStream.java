package io.headline.transfer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

/** A stream of a head, a unit repeated, and a tail, made as it is read: a file of any size that nothing holds. */
public final class RepeatedStream extends InputStream {

    private final byte[] unit;
    private long left;
    private long position;

    private RepeatedStream(byte[] unit, long times) {
        this.unit = unit;
        this.left = unit.length * times;
    }

    public static InputStream of(String head, String unit, long times, String tail) {
        return new SequenceInputStream(new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                new SequenceInputStream(new RepeatedStream(unit.getBytes(StandardCharsets.UTF_8), times),
                        new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) {
        if (left == 0) {
            return -1;
        }
        int n = (int) Math.min(length, left);
        for (int i = 0; i < n; i++) {
            bytes[offset + i] = unit[(int) ((position + i) % unit.length)];
        }
        position += n;
        left -= n;
        return n;
    }
}
