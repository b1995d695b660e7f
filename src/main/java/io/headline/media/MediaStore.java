package io.headline.media;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where media bytes live: originals under {@code originals/<sha256>} and renditions under
 * {@code renditions/<media id>/...}. Two implementations, chosen by headline.media.store: the filesystem
 * ({@link FileMediaStore}) and S3-compatible object storage ({@link S3MediaStore}).
 *
 * <p>Every write is atomic: a reader sees no object or the whole object, never part of one, and a failed put leaves
 * nothing behind.
 */
public interface MediaStore {

    /** Stores the bytes of a local file under a key, replacing what was there. */
    void put(String key, Path file) throws IOException;

    /** Copies the object to a local file (written atomically); false when there is no such object. */
    boolean get(String key, Path target) throws IOException;

    boolean exists(String key) throws IOException;

    /** Removes one object; removing one that is not there is not an error. */
    void delete(String key) throws IOException;

    /** Removes every object whose key starts with the prefix. */
    void deleteAll(String prefix) throws IOException;

    /**
     * The object as a local file that may be served as it is (sendfile), when this store keeps its objects on the
     * local filesystem; null otherwise.
     */
    Path localFile(String key);
}
