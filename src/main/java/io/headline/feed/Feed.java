package io.headline.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A feed as RSS, Atom and JSON Feed all write it: the channel and its newest articles, newest first.
 *
 * @param location      the absolute URL of the feed's folder, e.g. https://api.example.com/feeds/categories/film/: each
 *                      format is a file in it, and links to itself
 * @param homeUrl       the site the feed is about
 * @param updated       when the newest thing it shows changed; for an empty feed, when its subject did (or 1970)
 * @param surrogateKeys what a write purges it by
 * @param lastModified  the same instant, when the feed shows anything
 */
record Feed(String title, String description, String homeUrl, String location, Instant updated, List<Entry> entries,
        Set<String> surrogateKeys, Optional<Instant> lastModified, String locale) {

    /** An article in a feed, with its body as the sanitized HTML stored when it was written. */
    record Entry(UUID id, String url, String title, String summary, String html, Instant published, Instant updated,
            List<String> authors, Term category, List<String> tags, String imageUrl) {

        /** A stable identifier that survives a change of slug or of URL template (RFC 4122 URN). */
        String urn() {
            return "urn:uuid:" + id;
        }
    }

    /** A category: its slug for machines, its name for people. */
    record Term(String slug, String name) {
    }

    String url(FeedFormat format) {
        return location + format.file();
    }
}
