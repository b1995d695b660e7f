package io.headline.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Headline's own settings; each can be set by the environment, e.g. HEADLINE_ADMIN_TOKEN. */
@ConfigMapping(prefix = "headline")
public interface HeadlineConfig {

    /** The bootstrap admin API token. Without it, every write is refused. */
    Optional<String> adminToken();

    /** Whether anonymous callers may read published content; off, every read needs a token. */
    @WithDefault("true")
    boolean publicReads();

    /** Signed preview links. */
    Preview preview();

    interface Preview {

        /**
         * The key preview links are signed with. Set it (HEADLINE_PREVIEW_SECRET) wherever links must outlive a
         * restart or work across instances; without it each start picks a random key.
         */
        Optional<String> secret();

        /** How long a preview link works. */
        @WithDefault("60")
        int validMinutes();
    }

    /** Loads the demo content into an empty database at start-up. */
    @WithDefault("true")
    boolean demoContent();

    /** HTTP caching of reads (see io.headline.delivery). */
    Cache cache();

    interface Cache {

        /**
         * Cache-Control of public reads (HEADLINE_CACHE_PUBLIC_CACHE_CONTROL). Short by default: the ETag makes
         * revalidation cheap, and a CDN that purges by Surrogate-Key can be given a longer s-maxage here.
         */
        @WithDefault("public, max-age=60, stale-while-revalidate=300")
        String publicCacheControl();
    }
}
