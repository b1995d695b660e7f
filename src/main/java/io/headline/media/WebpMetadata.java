package io.headline.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes the EXIF and XMP chunks out of a WebP file. libvips 8.14's WebP encoder ignores its strip option and writes
 * an EXIF block of its own (resolution, orientation), so every WebP it makes passes through here before it is
 * kept. A WebP is a RIFF container of chunks; its VP8X chunk has one flag per metadata chunk, cleared with them.
 */
final class WebpMetadata {

    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;

    private WebpMetadata() {
    }

    static void strip(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, strip(bytes));
    }

    static byte[] strip(byte[] webp) throws IOException {
        if (webp.length < 12 || !"RIFF".equals(fourCc(webp, 0)) || !"WEBP".equals(fourCc(webp, 8))) {
            throw new IOException("not a WebP file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(webp.length);
        out.write(webp, 0, 12);
        int at = 12;
        while (at + 8 <= webp.length) {
            String type = fourCc(webp, at);
            int size = ByteBuffer.wrap(webp, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int padded = size + (size & 1);
            if (size < 0 || at + 8 + padded > webp.length) {
                throw new IOException("a WebP chunk runs past the end of the file");
            }
            if (!type.equals("EXIF") && !type.equals("XMP ")) {
                int start = out.size();
                out.write(webp, at, 8 + padded);
                if (type.equals("VP8X")) {
                    byte[] written = out.toByteArray();
                    written[start + 8] &= (byte) ~(EXIF_FLAG | XMP_FLAG);
                    out.reset();
                    out.write(written);
                }
            }
            at += 8 + padded;
        }
        byte[] stripped = out.toByteArray();
        ByteBuffer.wrap(stripped, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(stripped.length - 8);
        return stripped;
    }

    private static String fourCc(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }
}
