package io.headline.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An uploaded file, read to a temporary file as it streamed in, with what was measured on the way (its size and
 * SHA-256) and the form fields that came with it. Closing it removes the temporary file.
 */
record Upload(Path file, long bytes, String sha256, String name, String declaredType, Map<String, String> fields)
        implements AutoCloseable {

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
