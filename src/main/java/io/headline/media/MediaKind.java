package io.headline.media;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of file the media library accepts, as detected from their bytes. */
public enum MediaKind {
    JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg", "jpe", "jfif")),
    PNG("image/png", "png", Set.of("png")),
    GIF("image/gif", "gif", Set.of("gif")),
    WEBP("image/webp", "webp", Set.of("webp")),
    AVIF("image/avif", "avif", Set.of("avif")),
    /** Kept and served as a plain file, as a download: never rendered. */
    PDF("application/pdf", "pdf", Set.of("pdf"));

    private final String mimeType;
    private final String extension;
    private final Set<String> extensions;

    MediaKind(String mimeType, String extension, Set<String> extensions) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.extensions = extensions;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this != PDF;
    }

    /** Whether a file name's extension (if it has one) fits this kind. */
    boolean fitsName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                || !looksLikeKnownExtension(name.substring(dot + 1));
    }

    public static Optional<MediaKind> ofMimeType(String mimeType) {
        for (MediaKind kind : values()) {
            if (kind.mimeType.equalsIgnoreCase(mimeType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Extensions of a kind we know; other endings (a date, "final") say nothing about the bytes. */
    private static boolean looksLikeKnownExtension(String extension) {
        String e = extension.toLowerCase(Locale.ROOT);
        for (MediaKind kind : values()) {
            if (kind.extensions.contains(e)) {
                return true;
            }
        }
        return Set.of("svg", "svgz", "html", "htm", "xml", "js", "exe", "bmp", "tif", "tiff", "heic", "txt").contains(e);
    }
}
