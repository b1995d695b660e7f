package io.headline.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sitemap (sitemaps.org 0.9): the addresses of articles, or, for an index, of the sitemap pages that list them.
 *
 * @param lastModified the newest change among the articles listed; empty for an index, which names pages only
 */
record Sitemap(boolean index, List<Url> urls, Set<String> surrogateKeys, Optional<Instant> lastModified) {

    /** @param lastModified null where unknown (an index's pages) */
    record Url(String location, Instant lastModified) {
    }
}
