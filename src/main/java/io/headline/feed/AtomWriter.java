package io.headline.feed;

/**
 * Atom 1.0 (RFC 4287). The feed names the site as its author, so that an entry whose article credits no one is still
 * valid; entries are identified by their article's id, which survives a change of slug or URL template.
 */
final class AtomWriter {

    private AtomWriter() {
    }

    static byte[] write(Feed feed) {
        String self = feed.url(FeedFormat.ATOM);
        Xml xml = new Xml().start("feed", "", Xml.ATOM)
                .attribute("xml:lang", feed.locale())
                .element("id", self)
                .element("title", feed.title())
                .element("subtitle", feed.description())
                .element("updated", Xml.date(feed.updated()))
                .empty("link", "rel", "self", "type", "application/atom+xml", "href", self)
                .empty("link", "rel", "alternate", "type", "text/html", "href", feed.homeUrl())
                .start("author").element("name", feed.title()).end()
                .element("generator", "Headline");
        for (Feed.Entry entry : feed.entries()) {
            xml.start("entry")
                    .element("id", entry.urn())
                    .element("title", entry.title())
                    .empty("link", "rel", "alternate", "type", "text/html", "href", entry.url())
                    .element("published", Xml.date(entry.published()))
                    .element("updated", Xml.date(entry.updated()));
            entry.authors().forEach(author -> xml.start("author").element("name", author).end());
            xml.empty("category", "term", entry.category().slug(), "label", entry.category().name());
            entry.tags().forEach(tag -> xml.empty("category", "term", tag));
            if (entry.summary() != null) {
                xml.start("summary").attribute("type", "text").characters(entry.summary()).end();
            }
            if (entry.html() != null) {
                xml.start("content").attribute("type", "html").characters(entry.html()).end();
            }
            xml.end();
        }
        return xml.end().bytes();
    }
}
