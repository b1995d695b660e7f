package io.headline.rendering;

import io.headline.common.error.ProblemException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final String MEDIA = "media";
    private static final Pattern MEDIA_ID = Pattern.compile(
            "media:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    /** Looks up nothing: media references render to nothing (their images keep only their alt text). */
    private static final Function<UUID, Optional<MediaRef>> NO_MEDIA = id -> Optional.empty();
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("img").addTags("img", "figure", "figcaption", "hr", "del", "s")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            // media:{id} is kept through the sanitizer only to be replaced after it (see #linkMedia).
            .addProtocols("img", "src", "http", "https", MEDIA)
            .addProtocols("a", "href", "http", "https", "mailto", MEDIA)
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
        return render(markdown, NO_MEDIA);
    }

    /**
     * @param media what each {@code media:{id}} of the body is (see {@link #mediaIds}); an image
     *              ({@code ![alt](media:{id})}) renders to an {@code <img>} with its srcset, sizes, width, height and
     *              {@code loading="lazy"}, a link ({@code [text](media:{id})}) to a link to the file. A reference it
     *              does not find loses its address.
     */
    public static Rendered render(String markdown, Function<UUID, Optional<MediaRef>> media) {
        if (markdown == null || markdown.isBlank()) {
            return new Rendered(null, null, 0);
        }
        if (markdown.length() < LARGE) {
            return renderNow(markdown, media);
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
            return renderNow(markdown, media);
        } finally {
            LARGE_RENDERS.release();
        }
    }

    private static ProblemException busy() {
        return ProblemException.unavailable("Too many large bodies are being rendered at once; retry after Retry-After "
                + "seconds.", RETRY_AFTER_SECONDS);
    }

    /** The media a body references ({@code media:{id}} anywhere in it), in order of first mention. */
    public static Set<UUID> mediaIds(String markdown) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (markdown != null && markdown.contains("media:")) {
            Matcher m = MEDIA_ID.matcher(markdown);
            while (m.find()) {
                ids.add(UUID.fromString(m.group(1)));
            }
        }
        return ids;
    }

    private static Rendered renderNow(String markdown, Function<UUID, Optional<MediaRef>> media) {
        String unsafe = HTML.render(PARSER.parse(markdown));
        if (occurrences(unsafe, '<') > MAX_TAGS) {
            throw ProblemException.invalidField("body", "renders to more than " + MAX_TAGS + " HTML tags");
        }
        Document dirty = Jsoup.parseBodyFragment(unsafe);
        if (dirty.body().getAllElements().stream().filter(MarkdownRenderer::hasUrl).count() > MAX_URLS) {
            throw ProblemException.invalidField("body", "has more than " + MAX_URLS + " links and images");
        }
        Document clean = new Cleaner(SAFE).clean(dirty);
        linkMedia(clean, media);
        clean.outputSettings().prettyPrint(false);
        String text = clean.body().text().strip();
        return new Rendered(clean.body().html(), text, words(text));
    }

    /**
     * Replaces the media:{id} addresses the sanitizer let through by the files' own: after sanitizing, so that only
     * these images (whose attributes the server made) carry srcset, sizes and loading; an author's raw HTML cannot.
     */
    private static void linkMedia(Document clean, Function<UUID, Optional<MediaRef>> media) {
        for (Element img : clean.select("img[src^=media:]")) {
            Optional<MediaRef> ref = lookup(img.attr("src"), media);
            String alt = img.attr("alt");
            img.removeAttr("src").removeAttr("alt");
            if (ref.isEmpty() || !ref.get().isImage()) {
                img.attr("alt", alt);
                continue;
            }
            MediaRef image = ref.get();
            img.attr("src", image.src()).attr("srcset", image.srcset()).attr("sizes", MediaRef.SIZES);
            if (image.width() != null && image.height() != null) {
                img.attr("width", image.width().toString()).attr("height", image.height().toString());
            }
            img.attr("loading", "lazy")
                    .attr("alt", !alt.isBlank() ? alt : image.alt() != null ? image.alt() : "");
        }
        for (Element a : clean.select("a[href^=media:]")) {
            Optional<MediaRef> ref = lookup(a.attr("href"), media);
            if (ref.isPresent()) {
                a.attr("href", ref.get().url());
            } else {
                a.removeAttr("href");
            }
        }
    }

    private static Optional<MediaRef> lookup(String address, Function<UUID, Optional<MediaRef>> media) {
        Matcher m = MEDIA_ID.matcher(address);
        return m.matches() ? media.apply(UUID.fromString(m.group(1))) : Optional.empty();
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
