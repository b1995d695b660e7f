package io.headline.rendering;

import io.headline.common.error.ProblemException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown (CommonMark with tables, by commonmark-java) to HTML that is safe to insert into a page:
 * jsoup's allow-list sanitizer removes scripts, event handlers, styles and any URL scheme but http(s)
 * and mailto, whatever the Markdown (or raw HTML inside it) contained, and links get rel="noopener".
 *
 * <p>Every stage is linear in the size of the body (commonmark-java caps nesting and table cells itself), but
 * the sanitizer's cost per element is high, and highest for URLs: jsoup resolves each one against the
 * document's empty base URI, which throws and catches an exception per URL whose cost grows with the depth of
 * the caller's stack (a request thread's is deep). A body made of nothing but autolinks or tags thus cost
 * seconds and hundreds of MB; no article has that many, so such a body is refused before the sanitizer runs.
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

    /** The most tags (counted as '<' in the rendered HTML, an upper bound) a body may render to. */
    public static final int MAX_TAGS = 100_000;
    /** The most links and images (elements with a URL the sanitizer checks) a body may have. */
    public static final int MAX_URLS = 10_000;

    /** A body at least this long is large: its rendering holds one of {@link #LARGE_RENDERS}. */
    static final int LARGE = 64 * 1024;
    /**
     * Large bodies are rendered as many at a time as there are cores: the work is all CPU, and each render holds its
     * syntax tree and two HTML trees, up to about a hundred MB for the largest bodies, until it is done.
     */
    static final Semaphore LARGE_RENDERS = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    /** How long a write waits for a turn before it is answered 503; tests set it to 0. */
    static long largeRenderWaitMillis = 10_000;
    static final int RETRY_AFTER_SECONDS = 5;

    private MarkdownRenderer() {
    }

    public static Rendered render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return new Rendered(null, null, 0);
        }
        if (markdown.length() < LARGE) {
            return renderNow(markdown);
        }
        try {
            if (!LARGE_RENDERS.tryAcquire(largeRenderWaitMillis, TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return renderNow(markdown);
        } finally {
            LARGE_RENDERS.release();
        }
    }

    private static ProblemException busy() {
        return ProblemException.unavailable("Too many large bodies are being rendered at once; retry after Retry-After "
                + "seconds.", RETRY_AFTER_SECONDS);
    }

    private static Rendered renderNow(String markdown) {
        String unsafe = HTML.render(PARSER.parse(markdown));
        if (occurrences(unsafe, '<') > MAX_TAGS) {
            throw ProblemException.invalidField("body", "renders to more than " + MAX_TAGS + " HTML tags");
        }
        Document dirty = Jsoup.parseBodyFragment(unsafe);
        if (dirty.body().getAllElements().stream().filter(MarkdownRenderer::hasUrl).count() > MAX_URLS) {
            throw ProblemException.invalidField("body", "has more than " + MAX_URLS + " links and images");
        }
        Document clean = new Cleaner(SAFE).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        String text = clean.body().text().strip();
        return new Rendered(clean.body().html(), text, words(text));
    }

    private static int occurrences(String text, char wanted) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }

    /** Runs of non-whitespace (as split("\\s+") would count them, without building the pieces). */
    static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    private static boolean hasUrl(Element element) {
        return element.hasAttr("href") || element.hasAttr("src") || element.hasAttr("cite");
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
