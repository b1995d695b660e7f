package io.headline.feed;

import io.headline.common.HttpDate;

/**
 * RSS 2.0 (rssboard.org), with the content module for the body (content:encoded), Dublin Core for authors (RSS's own
 * author element must be an email address) and an atom:link to itself, as the RSS Best Practices Profile advises.
 */
final class RssWriter {

    private RssWriter() {
    }

    static byte[] write(Feed feed) {
        Xml xml = new Xml().start("rss", "atom", Xml.ATOM, "content", Xml.CONTENT, "dc", Xml.DC)
                .attribute("version", "2.0").start("channel")
                .element("title", feed.title())
                .element("link", feed.homeUrl())
                .element("description", feed.description())
                .element("language", feed.locale())
                .empty("atom:link", "href", feed.url(FeedFormat.RSS), "rel", "self", "type", "application/rss+xml")
                .element("lastBuildDate", HttpDate.format(feed.updated()))
                .element("generator", "Headline");
        for (Feed.Entry entry : feed.entries()) {
            xml.start("item")
                    .element("title", entry.title())
                    .element("link", entry.url())
                    .start("guid").attribute("isPermaLink", "false").characters(entry.urn()).end()
                    .element("pubDate", HttpDate.format(entry.published()))
                    .element("description", entry.summary())
                    .element("content:encoded", entry.html());
            entry.authors().forEach(author -> xml.element("dc:creator", author));
            xml.element("category", entry.category().name());
            entry.tags().forEach(tag -> xml.element("category", tag));
            xml.end();
        }
        return xml.end().end().bytes();
    }
}
