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

    /**
     * @param lastModified null where unknown (an index's pages)
     * @param alternates   the addresses of the article in each language, this one included ({@code hreflang});
     *                     empty where it has no other
     */
    record Url(String location, Instant lastModified, List<Alternate> alternates) {

        Url(String location, Instant lastModified) {
            this(location, lastModified, List.of());
        }
    }

    /** @param language a BCP 47 tag, or {@code x-default} for the address of no language in particular */
    record Alternate(String language, String location) {
    }
}
