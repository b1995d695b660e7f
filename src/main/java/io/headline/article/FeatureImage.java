package io.headline.article;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An article's lead image as the API shows it: everything an {@code <img>} needs when it is a file of the media
 * library, only its URL when the article names an image elsewhere.
 */
@Schema(name = "FeatureImage", description = "The article's lead image. A media-library image carries its id, size, "
        + "texts, placeholder and a ready srcset and sizes; an image given by URL carries only `url`.")
public record FeatureImage(
        @Schema(description = "The media's id; absent for an image given by URL.") UUID id,
        @Schema(description = "The image's address: the media's file (add ?w= for a rendition), or the URL given.",
                required = true) String url,
        @Schema(description = "Width in pixels.") Integer width,
        @Schema(description = "Height in pixels.") Integer height,
        @Schema(description = "The media's alternative text.") String alt,
        @Schema(description = "The media's caption.") String caption,
        @Schema(description = "A BlurHash of the image (https://blurha.sh), to show while it loads.") String placeholder,
        @Schema(description = "Renditions at the allowed widths up to the image's own, for <img srcset>.") String srcset,
        @Schema(description = "The <img sizes> that goes with srcset for a lead image: the full width of the screen up "
                + "to 1280 pixels, then 1280 pixels.", examples = FeatureImage.SIZES) String sizes) {

    /** The sizes of a lead image: full width on screens up to 1280 pixels, 1280 pixels wide beyond. */
    public static final String SIZES = "(max-width: 1280px) 100vw, 1280px";

    static FeatureImage ofUrl(String url) {
        return url == null ? null : new FeatureImage(null, url, null, null, null, null, null, null, null);
    }
}
