package io.headline.media;

import java.util.UUID;

/**
 * A media file as other features show it (an article's feature image, an image in a body): its address and, for an
 * image, what an {@code <img>} needs. The media package's one view of its files for the rest of the application.
 *
 * @param url    the file's address (see {@link MediaService#url})
 * @param srcset     renditions at the allowed widths up to the image's own; null for a PDF
 * @param contentSrc the rendition a body's {@code <img src>} names: {@value MediaService#CONTENT_WIDTH} pixels wide,
 *                   or the largest allowed width the image reaches (the file itself when it reaches none); null for a
 *                   PDF
 */
public record MediaImage(UUID id, String url, String contentType, Integer width, Integer height, String alt,
        String caption, String credit, String placeholder, String srcset, String contentSrc) {

    public boolean isImage() {
        return srcset != null;
    }
}
