package io.headline.feed;

/**
 * A sitemap or a sitemap index (sitemaps.org 0.9), with each article's translations as {@code xhtml:link}
 * alternates (Google's hreflang in sitemaps); the xhtml namespace only where a URL has any.
 */
final class SitemapWriter {

    private SitemapWriter() {
    }

    static byte[] write(Sitemap sitemap) {
        String entry = sitemap.index() ? "sitemap" : "url";
        boolean alternates = sitemap.urls().stream().anyMatch(url -> !url.alternates().isEmpty());
        Xml xml = alternates ? new Xml().start("urlset", "", Xml.SITEMAPS, "xhtml", Xml.XHTML)
                : new Xml().start(sitemap.index() ? "sitemapindex" : "urlset", "", Xml.SITEMAPS);
        for (Sitemap.Url url : sitemap.urls()) {
            xml.start(entry).element("loc", url.location())
                    .element("lastmod", url.lastModified() == null ? null : Xml.date(url.lastModified()));
            for (Sitemap.Alternate alternate : url.alternates()) {
                xml.empty("xhtml:link", "rel", "alternate", "hreflang", alternate.language(), "href",
                        alternate.location());
            }
            xml.end();
        }
        return xml.end().bytes();
    }
}
