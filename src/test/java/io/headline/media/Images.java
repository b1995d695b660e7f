package io.headline.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * Test images made in code, each different from every other (random noise in a corner), so that no test meets
 * another's upload through de-duplication.
 */
public final class Images {

    /** Written into EXIF and XMP: no byte served may contain it. */
    static final String SECRET = "HEADLINE-PRIVATE-MARK";

    private Images() {
    }

    static BufferedImage picture(int width, int height, Consumer<Graphics2D> paint) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, width, height);
        paint.accept(g);
        g.dispose();
        // A block of noise in a corner: a lossy encoder keeps enough of it that no two pictures share their bytes
        // (two odd pixels in a grey block were quantised away, and two uploads met by de-duplication).
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int y = 0; y < Math.min(16, height); y++) {
            for (int x = 0; x < Math.min(16, width); x++) {
                image.setRGB(x, y, random.nextInt(0xffffff));
            }
        }
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, g -> { }), "jpg");
    }

    static byte[] png(int width, int height) {
        return encode(picture(width, height, g -> { }), "png");
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG whose EXIF says orientation (6: turn 90° clockwise to show it), carries a GPS position and a
     * description holding {@link #SECRET}, and whose XMP holds it too.
     */
    static byte[] withPrivateMetadata(byte[] jpeg, int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff(orientation)));
        segment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"" + SECRET + "\"/>"
                        + "</rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A little-endian TIFF block: IFD0 with Orientation, ImageDescription and a GPS IFD with a latitude. */
    private static byte[] tiff(int orientation) {
        byte[] description = (SECRET + "\0").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: 3 entries (12 bytes each), then the next-IFD offset.
        int ifd0End = 8 + 2 + 3 * 12 + 4; // 50
        int descriptionAt = ifd0End;
        int gpsAt = descriptionAt + description.length + (description.length % 2);
        b.putShort((short) 3);
        entry(b, 0x010E, 2, description.length, descriptionAt); // ImageDescription
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(b, 0x8825, 4, 1, gpsAt); // GPSInfo IFD pointer
        b.putInt(0);
        b.put(description);
        if (description.length % 2 == 1) {
            b.put((byte) 0);
        }
        // GPS IFD: LatitudeRef "N", Latitude 3 rationals.
        int latitudeAt = gpsAt + 2 + 2 * 12 + 4;
        b.putShort((short) 2);
        b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(b, 0x0002, 5, 3, latitudeAt);
        b.putInt(0);
        b.putInt(52).putInt(1).putInt(31).putInt(1).putInt(12).putInt(1);
        byte[] bytes = new byte[b.position()];
        b.flip();
        b.get(bytes);
        return bytes;
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(payload, 0, payload.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A PNG whose header says 30,000 × 30,000 pixels of one colour, in a few kilobytes. */
    static byte[] pngBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(30_000).putInt(30_000).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[4 * 1024 * 1024]);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int n = deflater.deflate(buffer);
        byte[] idat = new byte[n];
        System.arraycopy(buffer, 0, idat, 0, n);
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
