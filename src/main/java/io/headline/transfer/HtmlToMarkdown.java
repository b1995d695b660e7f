package io.headline.transfer;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A WordPress post's HTML as the Markdown bodies are stored in: sanitized first (jsoup's relaxed safelist: no scripts,
 * frames, styles or event handlers), then converted by flexmark's HTML-to-Markdown converter. What Markdown has no
 * syntax for is dropped with its tags, its text kept.
 */
final class HtmlToMarkdown {

    private static final FlexmarkHtmlConverter CONVERTER = FlexmarkHtmlConverter.builder(new MutableDataSet()
            .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
            .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
            .set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false)
            .toImmutable()).build();
    private static final Safelist SAFE = Safelist.relaxed().addAttributes("code", "class").addAttributes("pre", "class");
    private static final Pattern PRE = Pattern.compile("(?is)<pre\\b.*?</pre>");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?i)</?(p|div|h[1-6]|ul|ol|li|pre|blockquote|table|thead"
            + "|tbody|tfoot|tr|td|th|figure|figcaption|hr|dl|dt|dd|section|article|aside|header|footer|nav)\\b[^>]*>");

    private HtmlToMarkdown() {
    }

    static String convert(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        String clean = Jsoup.clean(paragraphs(html), "", SAFE, compact);
        return CONVERTER.convert(clean).strip();
    }

    /**
     * WordPress stores a classic post's paragraphs as blank-line-separated text and adds the {@code <p>} tags only when
     * it shows the post (wpautop): they are added here, outside {@code <pre>} and around what is not a block already.
     */
    static String paragraphs(String source) {
        String html = COMMENT.matcher(source.replace("\r\n", "\n")).replaceAll("");
        StringBuilder out = new StringBuilder();
        Matcher pre = PRE.matcher(html);
        int at = 0;
        while (pre.find()) {
            wrap(html.substring(at, pre.start()), out);
            out.append(pre.group());
            at = pre.end();
        }
        wrap(html.substring(at), out);
        return out.toString();
    }

    /** Text outside block elements becomes paragraphs: a blank line ends one, a line break within is kept. */
    private static void wrap(String text, StringBuilder out) {
        for (String chunk : BLANK_LINE.split(text)) {
            Matcher tag = BLOCK_TAG.matcher(chunk);
            int depth = 0;
            int at = 0;
            while (tag.find()) {
                boolean closing = tag.group().startsWith("</");
                boolean empty = tag.group(1).equalsIgnoreCase("hr") || tag.group().endsWith("/>");
                if (depth == 0 && !closing) {
                    paragraph(chunk.substring(at, tag.start()), out);
                    at = tag.start();
                }
                depth = Math.max(0, depth + (closing ? -1 : empty ? 0 : 1));
                if (depth == 0) {
                    out.append(chunk, at, tag.end()).append('\n');
                    at = tag.end();
                }
            }
            if (depth > 0) {
                out.append(chunk, at, chunk.length()).append('\n');
            } else {
                paragraph(chunk.substring(at), out);
            }
        }
    }

    private static void paragraph(String text, StringBuilder out) {
        if (!text.isBlank()) {
            out.append("<p>").append(text.strip().replace("\n", "<br>")).append("</p>\n");
        }
    }
}
