package io.headline.media;

import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.Tika;

/**
 * Tells what a file is from its bytes (Apache Tika's magic numbers), never from what the client says, and refuses
 * what the library does not take. A declared type or a file name that disagrees with the bytes is refused too: a
 * client that says PNG and sends something else has made a mistake worth hearing about.
 */
final class MediaSniffer {

    private static final Tika TIKA = new Tika();
    /** Magic numbers sit in the first bytes; Tika reads no further than this. */
    private static final int PREFIX = 64 * 1024;

    private MediaSniffer() {
    }

    static MediaKind detect(Path file, String declaredType, String name) throws IOException {
        byte[] prefix;
        try (InputStream in = Files.newInputStream(file)) {
            prefix = in.readNBytes(PREFIX);
        }
        String detected = TIKA.detect(prefix);
        if (detected.startsWith("image/svg")) {
            throw unsupported("SVG is not accepted: an SVG file can carry scripts. Upload a PNG or WebP rendering of it.");
        }
        MediaKind kind = MediaKind.ofMimeType(detected).orElseThrow(() -> unsupported(
                "The file is " + detected + ", which the media library does not take. Allowed: JPEG, PNG, GIF, WebP, "
                        + "AVIF and PDF."));
        if (declaredType != null && !declaredType.isBlank() && !declaredType.equalsIgnoreCase("application/octet-stream")
                && !declaredType.equalsIgnoreCase(kind.mimeType())) {
            throw unsupported("The file was declared as " + declaredType + " but its bytes are " + kind.mimeType() + ".");
        }
        if (!kind.fitsName(name)) {
            throw unsupported("The file is named '" + name + "' but its bytes are " + kind.mimeType() + ".");
        }
        return kind;
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }
}
