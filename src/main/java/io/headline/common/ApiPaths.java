package io.headline.common;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.UUID;

public final class ApiPaths {

    public static final String V1 = "/api/v1";
    /** The Ghost Content API compatible surface (ghost/), outside the versioned API and its OpenAPI document. */
    public static final String GHOST_CONTENT = "/ghost/api/content";
    public static final String ID_OR_SLUG = "{idOrSlug}";
    /**
     * Feeds and sitemaps (feed/): public reads outside /api/, at the addresses feed readers and crawlers expect, counted,
     * cached and documented like the API's own.
     */
    public static final String FEEDS = "/feeds";
    public static final String SITEMAP = "/sitemap.xml";
    /** The pages of a sitemap index. */
    public static final String SITEMAPS = "/sitemaps";
    /** The media library (media/): uploads have a size limit of their own (headline.media.max-size). */
    public static final String MEDIA = V1 + "/media";
    /** Bulk import: its body is bounded by its own, larger limit (see BodySizeLimit). */
    public static final String IMPORT = V1 + "/import";

    private ApiPaths() {
    }

    /** Whether a request path is a feed or a sitemap. */
    public static boolean isFeed(String path) {
        return path.startsWith(FEEDS + "/") || path.equals(SITEMAP) || path.startsWith(SITEMAPS + "/");
    }

    public static URI item(String collection, UUID id) {
        return UriBuilder.fromPath(V1).path(collection).path(id.toString()).build();
    }
}
