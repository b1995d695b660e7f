package io.headline.feed;

/** A sitemap or a sitemap index (sitemaps.org 0.9). */
final class SitemapWriter {

    private SitemapWriter() {
    }

    static byte[] write(Sitemap sitemap) {
        String entry = sitemap.index() ? "sitemap" : "url";
        Xml xml = new Xml().start(sitemap.index() ? "sitemapindex" : "urlset", "", Xml.SITEMAPS);
        for (Sitemap.Url url : sitemap.urls()) {
            xml.start(entry).element("loc", url.location())
                    .element("lastmod", url.lastModified() == null ? null : Xml.date(url.lastModified())).end();
        }
        return xml.end().bytes();
    }
}
