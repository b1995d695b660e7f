package io.headline.rendering;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown (CommonMark with tables, by commonmark-java) to HTML that is safe to insert into a page:
 * jsoup's allow-list sanitizer removes scripts, event handlers, styles and any URL scheme but http(s)
 * and mailto, whatever the Markdown (or raw HTML inside it) contained, and links get rel="noopener".
 */
public final class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("img").addTags("img", "figure", "figcaption", "hr", "del", "s")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer");

    private MarkdownRenderer() {
    }

    public static Rendered render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return new Rendered(null, null, 0);
        }
        String unsafe = HTML.render(PARSER.parse(markdown));
        Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(unsafe));
        clean.outputSettings().prettyPrint(false);
        String text = clean.body().text().strip();
        return new Rendered(clean.body().html(), text, text.isEmpty() ? 0 : text.split("\\s+").length);
    }

    /** About {@code max} characters of plain text, cut at a word boundary, with an ellipsis when cut. */
    public static String excerpt(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max).stripTrailing() + "…";
    }
}
