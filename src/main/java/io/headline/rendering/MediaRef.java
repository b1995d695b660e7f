package io.headline.rendering;

/**
 * What a body's {@code media:{id}} reference renders to, as the caller looked it up: the file's address and, for an
 * image, the attributes of its {@code <img>}. The renderer knows nothing else of the media library.
 *
 * @param url    the file's address: what a link to it ({@code [text](media:{id})}) points at
 * @param src    the rendition an image shows; null for a file that is not an image (a PDF)
 * @param srcset the renditions a browser picks from; null for a file that is not an image
 * @param alt    the media's own alternative text, used when the Markdown gives none
 */
public record MediaRef(String url, String src, String srcset, Integer width, Integer height, String alt) {

    /** The {@code sizes} of a body image: the full width of a narrow screen, else the content column. */
    public static final String SIZES = "(max-width: 960px) 100vw, 960px";

    public boolean isImage() {
        return src != null;
    }
}
