package io.headline.delivery;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The content codings a cached response is kept in, chosen for a request exactly as the server's compressor (Netty's
 * HttpContentCompressor, with quarkus.http.compressors=gzip,deflate,br) chooses for a miss, so that a hit goes out
 * in the coding a miss would have used.
 */
final class Encodings {

    static final String GZIP = "gzip";
    static final String BROTLI = "br";
    static final String DEFLATE = "deflate";
    /** Quality of the brotli copy: made once per stored response, so a little more effort than on the fly pays. */
    private static final int BROTLI_QUALITY = 6;

    private Encodings() {
    }

    /** br, gzip, deflate, or null for none: Netty's choice (highest q wins; br, then gzip, then deflate on ties). */
    static String negotiate(String acceptEncoding) {
        if (acceptEncoding == null) {
            return null;
        }
        float star = -1;
        float br = -1;
        float gzip = -1;
        float deflate = -1;
        for (String coding : acceptEncoding.split(",")) {
            float q = 1;
            int equals = coding.indexOf('=');
            if (equals != -1) {
                try {
                    q = Float.parseFloat(coding.substring(equals + 1));
                } catch (NumberFormatException e) {
                    q = 0;
                }
            }
            if (coding.contains("*")) {
                star = q;
            } else if (coding.contains("br") && q > br) {
                br = q;
            } else if (coding.contains("gzip") && q > gzip) {
                gzip = q;
            } else if (coding.contains("deflate") && q > deflate) {
                deflate = q;
            }
        }
        if (br > 0 || gzip > 0 || deflate > 0) {
            if (br != -1 && br >= gzip && br >= deflate) {
                return BROTLI;
            } else if (gzip != -1 && gzip >= deflate) {
                return GZIP;
            } else if (deflate != -1) {
                return DEFLATE;
            }
        }
        if (star > 0) {
            if (br == -1) {
                return BROTLI;
            } else if (gzip == -1) {
                return GZIP;
            } else if (deflate == -1) {
                return DEFLATE;
            }
        }
        return null;
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
