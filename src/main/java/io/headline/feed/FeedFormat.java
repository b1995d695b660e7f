package io.headline.feed;

import java.util.function.Function;

/** The three formats every feed is served in, by file name and media type. */
enum FeedFormat {

    RSS("rss.xml", FeedFormat.RSS_TYPE, RssWriter::write),
    ATOM("atom.xml", FeedFormat.ATOM_TYPE, AtomWriter::write),
    JSON("feed.json", FeedFormat.JSON_TYPE, JsonFeedWriter::write);

    static final String RSS_TYPE = "application/rss+xml; charset=utf-8";
    static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";
    static final String JSON_TYPE = "application/feed+json; charset=utf-8";
    static final String SITEMAP_TYPE = "application/xml; charset=utf-8";

    private final String file;
    private final String mediaType;
    private final Function<Feed, byte[]> writer;

    FeedFormat(String file, String mediaType, Function<Feed, byte[]> writer) {
        this.file = file;
        this.mediaType = mediaType;
        this.writer = writer;
    }

    /** The format a file name stands for (the resource's path admits only these). */
    static FeedFormat of(String file) {
        for (FeedFormat format : values()) {
            if (format.file.equals(file)) {
                return format;
            }
        }
        throw new IllegalArgumentException(file);
    }

    byte[] write(Feed feed) {
        return writer.apply(feed);
    }

    String file() {
        return file;
    }

    String mediaType() {
        return mediaType;
    }
}
