package io.headline.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Headline's own settings; each can be set by the environment, e.g. HEADLINE_ADMIN_TOKEN. */
@ConfigMapping(prefix = "headline")
public interface HeadlineConfig {

    /** The bootstrap admin API token. Without it, every write is refused. */
    Optional<String> adminToken();

    /**
     * The public site whose pages show the articles, e.g. https://news.example.com: an article's canonical
     * URL is this plus its slug. Unset, articles carry no canonical URL.
     */
    Optional<String> siteUrl();

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

    /** Limits on what one request may carry (see io.headline.limits). */
    Limits limits();

    interface Limits {

        /**
         * The largest request body accepted (HEADLINE_LIMITS_MAX_BODY_SIZE) but a bulk import's; a larger one is
         * answered 413. quarkus.http.limits.max-body-size, a backstop that answers without a body, follows
         * max-import-size.
         */
        @WithDefault("1M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxBodySize();

        /**
         * The largest body of a bulk import (POST /api/v1/import, HEADLINE_LIMITS_MAX_IMPORT_SIZE), which is streamed
         * and written a batch at a time rather than held; a larger one is answered 413 by its Content-Length, or cut off
         * once it passes the limit (the batches before stay imported). It is also Quarkus's backstop
         * (quarkus.http.limits.max-body-size), since every other body is bounded by max-body-size first.
         */
        @WithDefault("2G")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxImportSize();

        /**
         * The longest request line (method, URL, version) accepted (HEADLINE_LIMITS_MAX_REQUEST_LINE); a longer one
         * is answered 414. Keep it below quarkus.http.limits.max-initial-line-length, the backstop without a body.
         */
        @WithDefault("4096")
        int maxRequestLine();

        /**
         * The most header bytes accepted (HEADLINE_LIMITS_MAX_HEADER_SIZE); more are answered 431. Keep it below
         * quarkus.http.limits.max-header-size, the backstop without a body.
         */
        @WithDefault("20K")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxHeaderSize();

        /**
         * The most bytes of article bodies one list or search response carries (HEADLINE_LIMITS_LIST_BODY_BUDGET), when
         * `fields` or `formats` asks for them: the page stops before the item that would pass it (meta.truncated), and
         * its cursor continues from there. One item is always returned, whatever its size.
         */
        @WithDefault("4M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize listBodyBudget();

        /**
         * How many responses that read article bodies in bulk (lists asking for bodies) are in flight at once
         * (HEADLINE_LIMITS_BODY_READS); a search counts for the share of one that its snippets' reading takes. More
         * wait up to body-read-wait, then get 503 with Retry-After. Each may hold
         * about list-body-budget several times over (text, JSON) until it is serialized (what then waits to be sent
         * is bounded by send-budget); one per core of a
         * small machine: six concurrent largest reads then stay under about 205 MiB live in a 256 MiB heap, with no
         * full collection (MemoryBoundIT; with 4 it was 238 MiB and three full collections).
         */
        @WithDefault("2")
        int bodyReads();

        /**
         * How long a request waits for one of body-reads before it is answered 503; short, since the wait holds a
         * worker thread.
         */
        @WithDefault("500ms")
        Duration bodyReadWait();

        /**
         * The most bytes of large answers (over 64 KiB) that may wait for their clients to read them, on all
         * connections together (HEADLINE_LIMITS_SEND_BUDGET); a large answer that finds no room within body-read-wait
         * is answered 503 with Retry-After. Unset: an eighth of the heap (-Xmx). An answer waiting holds about twice
         * its size in the heap.
         */
        @WithConverter(MemorySizeConverter.class)
        Optional<MemorySize> sendBudget();

        /**
         * How long a connection that has an answer to send may go without sending any of it before it is closed and
         * what it held is freed (HEADLINE_LIMITS_SEND_STALL_TIMEOUT): a client that stopped reading. A client that
         * reads, however slowly, makes progress every 64 KiB.
         */
        @WithDefault("30s")
        Duration sendStallTimeout();
    }

    /** Requests per caller and window under /api/ (see io.headline.limits). */
    RateLimit rateLimit();

    interface RateLimit {

        /** Requests per window from one client address without a token (HEADLINE_RATE_LIMIT_ANONYMOUS). */
        @WithDefault("600")
        long anonymous();

        /**
         * Requests per window for one secret API token (HEADLINE_RATE_LIMIT_TOKEN), unless its role has its own quota;
         * also a content key's, which is counted per key and client address since the key is public.
         */
        @WithDefault("6000")
        long token();

        /**
         * Quotas of their own for tokens of some roles, e.g. headline.rate-limit.roles.content=20000 for the key a
         * busy front end embeds (HEADLINE_RATE_LIMIT_ROLES_CONTENT).
         */
        Map<String, Long> roles();

        /** The window both quotas are counted over; spent requests come back gradually within it. */
        @WithDefault("60s")
        Duration window();

        /**
         * How many callers are tracked at once per quota: memory stays bounded under a flood of client IPs, and
         * callers beyond it share one bucket until idle ones are dropped.
         */
        @WithDefault("100000")
        int maxCallers();
    }
}
