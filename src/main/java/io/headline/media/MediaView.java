package io.headline.media;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A media file as the API shows it. */
@Schema(name = "Media", description = "A file of the media library.")
public record MediaView(
        UUID id,
        @Schema(description = "The file as served: for an image, the original's pixels, turned by its orientation and "
                + "without EXIF, XMP or GPS; add ?w= (and h, fit, format, q) for a rendition.") String url,
        @Schema(description = "The file name it was uploaded with.") String name,
        @Schema(description = "The type detected from its bytes.", example = "image/jpeg") String contentType,
        long bytes,
        @Schema(description = "Width in pixels as shown (after its orientation); null for a PDF.") Integer width,
        @Schema(description = "Height in pixels as shown; null for a PDF.") Integer height,
        @Schema(description = "SHA-256 of the uploaded bytes, hex.") String sha256,
        String alt,
        String caption,
        String credit,
        @Schema(description = "Where a cover crop centres, from 0,0 (top left) to 1,1.") FocalPoint focalPoint,
        @Schema(description = "A BlurHash of the image (https://blurha.sh), to show while it loads.") String placeholder,
        @Schema(description = "The image's dominant colour.", example = "#4a6b8c") String dominantColor,
        @Schema(description = "Renditions at the allowed widths up to the image's own, for an <img srcset>.") String srcset,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "FocalPoint")
    public record FocalPoint(
            @Schema(minimum = "0", maximum = "1") double x,
            @Schema(minimum = "0", maximum = "1") double y) {
    }
}
