package io.headline.media;

import io.headline.common.error.ProblemException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One way of serving an image: a size from the allow-lists, a fit, an output format and a quality. Every value a
 * client may ask for is listed, so the number of renditions of one image is bounded, and anything else is a 400 that
 * names what is allowed. {@code width} and {@code height} 0 mean "as large as the original".
 */
record Rendition(int width, int height, Fit fit, Format format, int quality) {

    static final List<Integer> QUALITIES = List.of(40, 50, 60, 70, 75, 80, 85, 90, 95, 100);
    static final int DEFAULT_QUALITY = 80;

    enum Fit {
        /** Fills the box and crops what overflows, around the focal point. */
        COVER,
        /** Fits inside the box and pads it to the box's size. */
        CONTAIN,
        /** Fits inside the box; the image keeps its own aspect (the default). */
        INSIDE
    }

    enum Format {
        JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), WEBP("image/webp", "webp"), AVIF("image/avif", "avif"),
        /** Only the original of a GIF: renditions of a GIF are PNG unless asked otherwise. */
        GIF("image/gif", "gif");

        final String mimeType;
        final String extension;

        Format(String mimeType, String extension) {
            this.mimeType = mimeType;
            this.extension = extension;
        }

        static Format of(MediaKind kind) {
            return switch (kind) {
                case JPEG -> JPEG;
                case PNG -> PNG;
                case GIF -> GIF;
                case WEBP -> WEBP;
                case AVIF -> AVIF;
                case PDF -> throw new IllegalArgumentException("a PDF has no image format");
            };
        }
    }

    /** Whether this is the original's size and format: the served original, without its metadata. */
    boolean isOriginal(MediaKind kind) {
        return width == 0 && height == 0 && format == Format.of(kind) && quality == DEFAULT_QUALITY;
    }

    /** The name of the stored file, unique per rendition of one file version. */
    String fileName() {
        return "w" + width + "-h" + height + "-" + fit.name().toLowerCase(Locale.ROOT) + "-q" + quality + "."
                + format.extension;
    }

    /**
     * Parses the query of a file request. {@code format} "auto" picks AVIF, then WebP, from what the Accept header
     * names, else the original's format (JPEG for a GIF that is resized).
     */
    static Rendition parse(String w, String h, String fit, String format, String q, String accept, MediaKind kind,
            List<Integer> widths, List<Integer> heights) {
        return parse(w, h, fit, format, q, accept, kind, widths, heights, true);
    }

    /** {@code avif}: whether the engine can write AVIF (libheif with an AV1 encoder); if not, auto picks WebP. */
    static Rendition parse(String w, String h, String fit, String format, String q, String accept, MediaKind kind,
            List<Integer> widths, List<Integer> heights, boolean avif) {
        int width = size("w", w, widths);
        int height = size("h", h, heights);
        Fit parsedFit = fit == null ? Fit.INSIDE : switch (fit) {
            case "cover" -> Fit.COVER;
            case "contain" -> Fit.CONTAIN;
            case "inside" -> Fit.INSIDE;
            default -> throw ProblemException.invalidParameter("fit", "must be one of cover, contain, inside");
        };
        if (parsedFit != Fit.INSIDE && (width == 0 || height == 0)) {
            throw ProblemException.invalidParameter("fit", "cover and contain need both w and h");
        }
        int asked = q == null ? DEFAULT_QUALITY : allowed("q", q, QUALITIES);
        Format original = Format.of(kind);
        boolean resized = width != 0 || height != 0;
        Format parsedFormat = format == null ? (original == Format.GIF && resized ? Format.PNG : original)
                : switch (format) {
                    case "auto" -> auto(avif ? accept : withoutAvif(accept), original == Format.GIF ? Format.PNG : original);
                    case "webp" -> Format.WEBP;
                    case "avif" -> {
                        if (!avif) {
                            throw ProblemException.invalidParameter("format", "avif cannot be written by this server's "
                                    + "image engine; use webp, jpeg or png (or auto)");
                        }
                        yield Format.AVIF;
                    }
                    case "jpeg", "jpg" -> Format.JPEG;
                    case "png" -> Format.PNG;
                    default -> throw ProblemException.invalidParameter("format", "must be one of auto, webp, avif, jpeg, png");
                };
        // PNG and GIF are lossless: a quality changes nothing, so it makes no rendition of its own.
        int quality = parsedFormat == Format.PNG || parsedFormat == Format.GIF ? DEFAULT_QUALITY : asked;
        return new Rendition(width, height, parsedFit, parsedFormat, quality);
    }

    private static Format auto(String accept, Format fallback) {
        if (accepts(accept, "image/avif")) {
            return Format.AVIF;
        }
        if (accepts(accept, "image/webp")) {
            return Format.WEBP;
        }
        return fallback;
    }

    private static String withoutAvif(String accept) {
        return accept == null ? null : accept.toLowerCase(Locale.ROOT).replace("image/avif", "image/x-not-written");
    }

    /** Whether Accept names the type with a quality above 0 (RFC 9110 §12.4.2: q=0 means "not acceptable"). */
    static boolean accepts(String accept, String type) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = range.split(";");
            if (!parts[0].trim().equals(type)) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(parameter.substring(2)) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }

    private static int size(String name, String value, List<Integer> allowedValues) {
        return value == null ? 0 : allowed(name, value, allowedValues);
    }

    private static int allowed(String name, String value, List<Integer> allowedValues) {
        try {
            int n = Integer.parseInt(value);
            if (allowedValues.contains(n)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidParameter(name, "must be one of "
                + allowedValues.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
}
