package io.headline.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** The store headline.media.store names. */
@ApplicationScoped
class MediaStores {

    @Produces
    @ApplicationScoped
    MediaStore store(MediaConfig config) {
        return switch (config.store()) {
            case FILESYSTEM -> new FileMediaStore(Path.of(config.directory()));
            case S3 -> throw new IllegalStateException("S3 store not wired yet");
        };
    }
}
