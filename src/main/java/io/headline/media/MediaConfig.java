package io.headline.media;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The media library (HEADLINE_MEDIA_...). */
@ConfigMapping(prefix = "headline.media")
public interface MediaConfig {

    /** Where bytes are kept: filesystem (default) or s3. */
    @WithDefault("filesystem")
    StoreKind store();

    /** The filesystem store's directory (HEADLINE_MEDIA_DIRECTORY); renditions of an S3 store are cached here too. */
    @WithDefault("data/media")
    String directory();

    /** The largest upload accepted (HEADLINE_MEDIA_MAX_SIZE); larger ones are refused with 413 while they stream. */
    @WithDefault("20M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxSize();

    /** The most pixels an image may have (width × height, from its header, before any decoding); more is a 422. */
    @WithDefault("50000000")
    long maxPixels();

    /** The widths a rendition may ask for (HEADLINE_MEDIA_WIDTHS); any other width is a 400 naming these. */
    @WithDefault("160,320,640,960,1280,1920,2560")
    List<Integer> widths();

    /**
     * The heights a rendition may ask for (HEADLINE_MEDIA_HEIGHTS): the widths and the common 16:9, 4:3 and 3:2
     * heights of them. Any other height is a 400 naming these.
     */
    @WithDefault("90,120,160,180,213,240,320,360,427,480,540,640,720,853,960,1080,1280,1440,1920,2560")
    List<Integer> heights();

    /**
     * The address media URLs start with (HEADLINE_MEDIA_BASE_URL), e.g. a CDN in front of this API:
     * https://cdn.example.com. Unset, they are paths on this API (/api/v1/media/...).
     */
    Optional<String> baseUrl();

    /**
     * Memory for the bytes of small public files (up to 512 KB each) sent most often (HEADLINE_MEDIA_MEMORY_CACHE);
     * larger files, and those that do not fit, are sent from disk with sendfile. 0 keeps none.
     */
    @WithDefault("32M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize memoryCache();

    /**
     * The most renditions kept for one image (HEADLINE_MEDIA_MAX_RENDITIONS); a request for yet another is a 409. A
     * srcset in two formats with a few crops needs a few dozen.
     */
    @WithDefault("100")
    int maxRenditions();

    /** How many image transforms run at once (HEADLINE_MEDIA_TRANSFORMS); unset, the number of cores. */
    Optional<Integer> transforms();

    /** How long a transform waits for its turn before the request is answered 503 with Retry-After. */
    @WithDefault("2s")
    java.time.Duration transformWait();

    /** The longest one transform may take before it is killed. */
    @WithDefault("30s")
    java.time.Duration transformTimeout();

    /** How long importing a file by its URL may take. */
    @WithDefault("10s")
    java.time.Duration fetchTimeout();

    /**
     * Whether a file may be imported from loopback, link-local and private addresses (HEADLINE_MEDIA_FETCH_ALLOW_PRIVATE;
     * development and tests only): the webhooks' SSRF rule.
     */
    @WithDefault("false")
    boolean fetchAllowPrivate();

    /** Whether anonymous callers may fetch every file, not only those of media that published articles use. */
    @WithDefault("false")
    boolean publicAll();

    /** The image engine's command directory; unset, vips is looked up on the PATH. */
    Optional<String> vipsPath();

    S3 s3();

    /** S3-compatible object storage (HEADLINE_MEDIA_S3_...); credentials come from the AWS default chain unless set. */
    interface S3 {

        Optional<String> bucket();

        /** The endpoint, for storage other than AWS (MinIO, Ceph, R2...). */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** Path-style addressing (bucket in the path, not the host name), which most non-AWS servers need. */
        @WithDefault("false")
        boolean pathStyle();

        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }

    enum StoreKind {
        FILESYSTEM, S3
    }
}
