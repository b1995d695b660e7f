package io.headline.delivery;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The content codings a cached response is kept in, chosen for a request as the server's compressor (Netty's
 * HttpContentCompressor, with quarkus.http.compressors=gzip,deflate,br) chooses for a miss, so that a hit goes out
 * in the coding a miss would have used; what it cannot be sure of is left to a miss.
 */
final class Encodings {

    static final String GZIP = "gzip";
    static final String BROTLI = "br";
    static final String DEFLATE = "deflate";
    /** Quality of the brotli copy: made once per stored response, so a little more effort than on the fly pays. */
    private static final int BROTLI_QUALITY = 6;

    private Encodings() {
    }

    /** What a request whose coding is not known here gets: not a hit, but a miss, which the server encodes. */
    static final String UNKNOWN = "?";

    /**
     * br, gzip, deflate or null (none), as the compressor picks among codings all equally acceptable: br, then gzip,
     * then deflate. Weights (q) and wildcards are {@link #UNKNOWN}: the compressor's reading of them is its own.
     */
    static String negotiate(String acceptEncoding) {
        if (acceptEncoding == null) {
            return null;
        }
        if (acceptEncoding.indexOf(';') >= 0 || acceptEncoding.indexOf('*') >= 0) {
            return UNKNOWN;
        }
        boolean gzip = false;
        boolean deflate = false;
        for (String coding : acceptEncoding.split(",")) {
            switch (coding.trim().toLowerCase(java.util.Locale.ROOT)) {
                case BROTLI -> {
                    return BROTLI;
                }
                case GZIP -> gzip = true;
                case DEFLATE -> deflate = true;
                default -> {
                    // identity, or a coding the server does not offer
                }
            }
        }
        return gzip ? GZIP : deflate ? DEFLATE : null;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] brotli(byte[] body) {
        Brotli4jLoader.ensureAvailability();
        try {
            return Encoder.compress(body, new Encoder.Parameters().setQuality(BROTLI_QUALITY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
