package io.headline.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** The store headline.media.store names: the filesystem (default) or S3-compatible object storage. */
@ApplicationScoped
class MediaStores {

    @Produces
    @ApplicationScoped
    MediaStore store(MediaConfig config) {
        return switch (config.store()) {
            case FILESYSTEM -> new FileMediaStore(Path.of(config.directory()));
            case S3 -> new S3MediaStore(config.s3());
        };
    }

    void close(@Disposes MediaStore store) {
        if (store instanceof S3MediaStore s3) {
            s3.close();
        }
    }
}
