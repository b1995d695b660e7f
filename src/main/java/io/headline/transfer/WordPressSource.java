package io.headline.transfer;

import io.headline.article.ArticleInput;
import io.headline.article.ArticleStatus;
import io.headline.author.AuthorInput;
import io.headline.category.CategoryInput;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;

/**
 * The entries of a WordPress export (WXR, what Tools → Export writes): its authors and categories (created when
 * missing, existing ones left as they are), then its posts as articles, keyed by their guid ({@code wp:<guid>}) so a
 * rerun updates rather than duplicates. Pages, attachments, menu items, trashed posts and automatic drafts are skipped
 * and counted (skipped()).
 *
 * <p>Read with StAX as a stream, one element at a time, and never held whole: a DOCTYPE is refused (and with it every
 * entity declaration, external or not), tags, comments and processing instructions are bounded by BoundedMarkup, the
 * depth and length of names by the JDK's limits, and text and CDATA sections are read in chunks, of which an entry
 * keeps only the fields it uses, each at most MAX_TEXT characters and all at most MAX_ENTRY_TEXT. A post that cannot
 * be imported is reported and skipped; XML that cannot be read ends the import where it breaks, reported as a failed
 * entry (what was read before stays imported).
 *
 * <p>Asked for media, it also keeps each post's featured image ({@code _thumbnail_id}) and each attachment's URL, alt
 * text and caption (WordPressMedia), for FeatureImages to import once the posts are written.
 */
final class WordPressSource implements ImportSource {

    /** The most characters one element's text may have (an article's body may have 1,000,000 in Markdown). */
    static final int MAX_TEXT = 4_000_000;
    /** The most characters the fields of one post, author or category may have together. */
    static final int MAX_ENTRY_TEXT = 6_000_000;
    /** The most categories and tags one post may have. */
    static final int MAX_TERMS = 1000;
    /** The postmeta WPML's export (WPML Export and Import) writes a post's language and translation group in. */
    static final String WPML_LANGUAGE = "_wpml_import_language_code";
    static final String WPML_GROUP = "_wpml_import_translation_group";
    /** The characters of text or CDATA the parser hands on at a time (it would hold a CDATA section whole). */
    private static final int CHUNK = 64 * 1024;
    private static final DateTimeFormatter WP_DATE = ForeignEntries.strictDate("uuuu-MM-dd HH:mm:ss");
    private static final String NO_DATE = "0000-00-00 00:00:00";

    private final CountingStream counting;
    private final XMLInputFactory factory;
    private XMLStreamReader xml;
    private final LineParser parser;
    private final ForeignEntries names = new ForeignEntries();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final Deque<Entry> pending = new ArrayDeque<>();
    /** What the posts' featured images need, when asked for; null otherwise. */
    private final WordPressMedia media;
    private int read;
    private boolean ended;

    WordPressSource(InputStream in, LineParser parser) {
        this(in, parser, false);
    }

    /** With {@code media}, keeps what FeatureImages needs to import the posts' featured images after them. */
    WordPressSource(InputStream in, LineParser parser, boolean media) {
        this.counting = new CountingStream(in);
        this.parser = parser;
        this.media = media ? new WordPressMedia() : null;
        this.factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty("jdk.xml.cdataChunkSize", CHUNK);
        factory.setProperty("jdk.xml.maxElementDepth", 64);
        factory.setProperty("jdk.xml.elementAttributeLimit", 64);
        factory.setProperty("jdk.xml.maxXMLNameLimit", 1000);
    }

    /** The posts' featured images and the export's attachments, when asked for; null otherwise. */
    WordPressMedia media() {
        return media;
    }

    /** What was skipped, by post type ("page", "attachment", ...) or status ("trash", "auto-draft"). */
    Map<String, Integer> skipped() {
        return Map.copyOf(skipped);
    }

    @Override
    public List<Entry> next(int max) throws IOException {
        List<Entry> entries = new ArrayList<>(max);
        while (entries.size() < max && (!pending.isEmpty() || (!ended && readOn()))) {
            if (!pending.isEmpty()) {
                entries.add(pending.poll());
            }
        }
        return entries;
    }

    /**
     * Reads on to the next entry; false at the end. XML that cannot be read is the last entry, a failed one: what was
     * read before it is imported, and the summary says where the export broke.
     */
    private boolean readOn() throws IOException {
        try {
            if (xml == null) {
                xml = factory.createXMLStreamReader(new BoundedMarkup(counting));
            }
            ended = !readElement();
        } catch (XMLStreamException e) {
            ended = true;
            pending.add(Entry.failed(++read, unreadable(e), "the export"));
        } catch (BoundedMarkup.Refused e) {
            ended = true;
            pending.add(Entry.failed(++read, "not imported from here on: " + e.getMessage(), "the export"));
        }
        return !pending.isEmpty() || !ended;
    }

    @Override
    public int read() {
        return read;
    }

    @Override
    public long bytesRead() {
        return counting.count;
    }

    /** Reads on to the next author, category or post, and queues its entries; false at the end of the document. */
    private boolean readElement() throws XMLStreamException, BoundedMarkup.Refused {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new BoundedMarkup.Refused("a DOCTYPE (and with it any entity declaration) is refused in a "
                        + "WordPress export, which never has one");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (key()) {
                    case "wp:author" -> author(fields());
                    case "wp:category" -> category(fields());
                    case "item" -> item(fields());
                    default -> {
                        continue;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private void author(Fields f) {
        String login = f.get("wp:author_login");
        String name = f.get("wp:author_display_name") != null ? f.get("wp:author_display_name") : login;
        String slug = ForeignEntries.slug(login, name);
        names.firstTime("author:" + slug);
        add("author at line " + f.line, () -> parser.entry(read, new AuthorInput(slug, name, null, null, null,
                f.checked().get("wp:author_email")), null, true));
    }

    private void category(Fields f) {
        String name = f.get("wp:cat_name");
        String slug = ForeignEntries.slug(decoded(f.get("wp:category_nicename")), name);
        String parent = f.get("wp:category_parent") == null ? null
                : ForeignEntries.slug(decoded(f.get("wp:category_parent")), null);
        names.firstTime("category:" + slug);
        add("category at line " + f.line, () -> parser.entry(read, new CategoryInput(slug, name,
                f.checked().get("wp:category_description"), parent), null, true));
    }

    private void item(Fields f) {
        String type = f.get("wp:post_type") == null ? "post" : f.get("wp:post_type");
        String status = f.get("wp:status") == null ? "draft" : f.get("wp:status");
        if (type.equals("attachment") && media != null) {
            media.attachment(f.get("wp:post_id"), f.get("wp:attachment_url"), f.get("meta:_wp_attachment_image_alt"),
                    f.get("excerpt:encoded") == null ? null : Jsoup.parse(f.get("excerpt:encoded")).text());
        }
        if (!type.equals("post") || status.equals("trash") || status.equals("auto-draft")) {
            skipped.merge(skippedKind(type.equals("post") ? status : type), 1, Integer::sum);
            return;
        }
        String where = "post " + (f.get("wp:post_id") == null ? "" : f.get("wp:post_id") + " ") + "at line " + f.line;
        List<String> categoryNames = new ArrayList<>();
        String category = null;
        for (String[] term : f.categories) {
            if ("category".equals(term[0])) {
                String slug = ForeignEntries.slug(decoded(term[1]), term[2]);
                if (category == null && !slug.isEmpty()) {
                    category = slug;
                    if (term[2] != null && names.firstTime("category:" + slug)) {
                        String categorySlug = slug;
                        add(where, () -> parser.entry(read, new CategoryInput(categorySlug, term[2], null, null), null,
                                true));
                    }
                }
                if (term[2] != null) {
                    categoryNames.add(term[2]);
                }
            }
        }
        List<String> tags = f.categories.stream().filter(term -> "post_tag".equals(term[0]) && term[2] != null)
                .map(term -> term[2]).toList();
        String articleCategory = category == null ? ForeignEntries.DEFAULT_CATEGORY : category;
        add(where, () -> article(f, status, articleCategory, categoryNames, tags));
        if (media != null && pending.peekLast() != null && pending.peekLast().row() instanceof ImportRow.ArticleRow row) {
            media.thumbnail(read, where, row.externalId(), f.get("meta:_thumbnail_id"));
        }
    }

    /** A kind as the summary counts it: made-up names are many and long, so they are counted together. */
    private String skippedKind(String kind) {
        return skipped.containsKey(kind) || (kind.length() <= 40 && skipped.size() < 50) ? kind : "other";
    }

    private ImportRow article(Fields f, String status, String category, List<String> categoryNames, List<String> tags)
            throws LineFailure {
        f.checked();
        // Only what WordPress shows everyone is published: a password-protected post is not, nor a status a plugin
        // made up (draft, pending and private are drafts too; trash and auto-draft are skipped before this).
        boolean protectedByPassword = f.get("wp:post_password") != null;
        ArticleStatus articleStatus = switch (status) {
            case "publish" -> protectedByPassword ? ArticleStatus.draft : ArticleStatus.published;
            case "future" -> protectedByPassword ? ArticleStatus.draft : ArticleStatus.scheduled;
            default -> ArticleStatus.draft;
        };
        Instant date = articleStatus == ArticleStatus.draft ? null : date(f);
        String title = f.get("title");
        String slug = ForeignEntries.slug(decoded(f.get("wp:post_name")), title);
        if (slug.isEmpty() && f.get("wp:post_id") != null) {
            slug = ForeignEntries.slug("post-" + f.get("wp:post_id"), null);
        }
        String author = ForeignEntries.slug(f.get("dc:creator"), null);
        if (author.isEmpty()) {
            throw new LineFailure("dc:creator: names no author");
        }
        String guid = f.get("guid");
        String externalId = guid != null && guid.length() <= LineParser.MAX_EXTERNAL_ID - 3 ? "wp:" + guid
                : f.get("wp:post_id") != null ? "wp:post-" + f.get("wp:post_id") : null;
        String excerpt = f.get("excerpt:encoded") == null ? null : Jsoup.parse(f.get("excerpt:encoded")).text();
        ArticleInput input = new ArticleInput(slug.isEmpty() ? null : slug, title, null,
                excerpt == null || excerpt.isBlank() ? null : excerpt, HtmlToMarkdown.convert(f.get("content:encoded")),
                articleStatus, "1".equals(f.get("wp:is_sticky")), date, category, List.of(author),
                ForeignEntries.tags(categoryNames, tags), null, null, language(f));
        ImportRow row = parser.article(read, input, externalId, translationGroup(f));
        // With --media, a post's featured image is set once the posts are written (FeatureImages): its line keeps it.
        return media != null && f.get("meta:_thumbnail_id") != null ? ((ImportRow.ArticleRow) row).keepingFeature() : row;
    }

    /**
     * The locale of a post's language: Polylang's {@code language} term, else the language WPML's export adds as
     * postmeta; the default locale when it has neither.
     *
     * @throws LineFailure naming the server's locales, when the language is none of them
     */
    private String language(Fields f) throws LineFailure {
        String language = f.term("language");
        return parser.locale("language", language != null ? language : f.get("meta:" + WPML_LANGUAGE));
    }

    /** What links a post with its translations: Polylang's {@code post_translations} term, else WPML's group. */
    private static String translationGroup(Fields f) {
        String polylang = f.term("post_translations");
        String wpml = f.get("meta:" + WPML_GROUP);
        return polylang != null ? "polylang:" + polylang : wpml != null ? "wpml:" + wpml : null;
    }

    /** When the post was (or is to be) published: its UTC date, else its RSS date, else its local date taken as UTC. */
    private static Instant date(Fields f) throws LineFailure {
        String gmt = f.get("wp:post_date_gmt");
        if (gmt != null && !gmt.equals(NO_DATE)) {
            return wpDate("wp:post_date_gmt", gmt);
        }
        String rss = f.get("pubDate");
        if (rss != null) {
            try {
                return ZonedDateTime.parse(rss, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // WordPress writes a year -0001 for posts without a date: the local date follows.
            }
        }
        String local = f.get("wp:post_date");
        if (local == null || local.equals(NO_DATE)) {
            throw new LineFailure("wp:post_date_gmt: a published or scheduled post needs a date");
        }
        return wpDate("wp:post_date", local);
    }

    private static Instant wpDate(String field, String value) throws LineFailure {
        try {
            return LocalDateTime.parse(value, WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new LineFailure(field + ": '" + value + "' is not a date as WordPress writes them "
                    + "(yyyy-MM-dd HH:mm:ss)");
        }
    }

    private interface RowBuilder {
        ImportRow build() throws LineFailure;
    }

    private void add(String where, RowBuilder builder) {
        read++;
        try {
            pending.add(new Entry(read, builder.build(), null, where));
        } catch (LineFailure e) {
            pending.add(Entry.failed(read, e.reason(), where));
        }
    }

    /** WordPress percent-encodes the non-ASCII letters of its slugs. */
    private static String decoded(String slug) {
        if (slug == null || slug.indexOf('%') < 0) {
            return slug;
        }
        try {
            return URLDecoder.decode(slug, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    /** A child element's name with its namespace as WordPress prefixes it: wp:, dc:, content:, excerpt:, or none. */
    private String key() {
        String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (namespace.startsWith("http://wordpress.org/export/")) {
            return (namespace.endsWith("/excerpt/") ? "excerpt:" : "wp:") + local;
        }
        if (namespace.startsWith("http://purl.org/dc/")) {
            return "dc:" + local;
        }
        if (namespace.startsWith("http://purl.org/rss/1.0/modules/content")) {
            return "content:" + local;
        }
        return local;
    }

    /**
     * The texts of an element's children (the first of each name it uses) and its category terms; the reader ends at
     * its end. Text comes in chunks, and what an entry may not keep is read past, not held. Of its {@code wp:postmeta},
     * only the values of the keys it uses are kept (Fields.META), as {@code meta:<key>}.
     */
    private Fields fields() throws XMLStreamException {
        Fields fields = new Fields(xml.getLocation().getLineNumber());
        int depth = 0;
        String child = null;
        boolean keep = false;
        String[] term = null;
        StringBuilder text = new StringBuilder();
        // Within a wp:postmeta: its key as read so far, the child being read, and whether its text is kept.
        String metaKey = null;
        String metaChild = null;
        boolean keepMeta = false;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth == 2 && "wp:postmeta".equals(child)) {
                        metaChild = key();
                        text.setLength(0);
                        keepMeta = metaChild.equals("wp:meta_key") ? metaKey == null
                                : metaChild.equals("wp:meta_value") && metaKey != null && Fields.META.contains(metaKey)
                                        && !fields.values.containsKey("meta:" + metaKey);
                    }
                    if (depth == 1) {
                        metaKey = null;
                        child = key();
                        text.setLength(0);
                        term = child.equals("category") ? fields.term(xml.getAttributeValue(null, "domain"),
                                xml.getAttributeValue(null, "nicename")) : null;
                        keep = child.equals("category") ? term != null
                                : Fields.USED.contains(child) && !fields.values.containsKey(child);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 2 && keepMeta) {
                        keepMeta = text.length() + xml.getTextLength() <= Fields.MAX_META
                                && fields.spend("wp:postmeta", 0, xml.getTextLength());
                        if (keepMeta) {
                            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    } else if (depth >= 1 && keep) {
                        keep = fields.spend(child, text.length(), xml.getTextLength());
                        if (keep) {
                            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        } else {
                            text.setLength(0);
                            text.trimToSize();
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 0) {
                        return fields;
                    }
                    if (depth == 2 && keepMeta) {
                        keepMeta = false;
                        String value = text.toString().strip();
                        if (metaChild.equals("wp:meta_key")) {
                            metaKey = value;
                        } else if (!value.isEmpty()) {
                            fields.values.put("meta:" + metaKey, value);
                        }
                    }
                    if (depth-- == 1 && keep) {
                        String value = text.toString().strip();
                        if (term != null) {
                            term[2] = value.isEmpty() ? null : value;
                            fields.categories.add(term);
                        } else if (!value.isEmpty()) {
                            fields.values.put(child, value);
                        }
                    }
                }
                default -> {
                    // comments and processing instructions: nothing of a post
                }
            }
        }
    }

    private static final class Fields {

        /** The children an entry is made of; the text of any other is read past. */
        static final Set<String> USED = Set.of("title", "guid", "dc:creator", "content:encoded", "excerpt:encoded",
                "category", "wp:post_id", "wp:post_name", "wp:status", "wp:post_type", "wp:post_date", "wp:post_date_gmt",
                "pubDate", "wp:is_sticky", "wp:post_password", "wp:author_login", "wp:author_display_name",
                "wp:author_email", "wp:cat_name", "wp:category_nicename", "wp:category_parent",
                "wp:category_description", "wp:attachment_url", "meta:_thumbnail_id",
                "meta:_wp_attachment_image_alt", "meta:" + WPML_LANGUAGE, "meta:" + WPML_GROUP);
        /** The postmeta keys an entry uses (kept as {@code meta:<key>}); the value of any other is read past. */
        static final Set<String> META = Set.of("_thumbnail_id", "_wp_attachment_image_alt", WPML_LANGUAGE, WPML_GROUP);
        /** The most characters a postmeta key or value that is kept may have; a longer one is not kept. */
        static final int MAX_META = 4096;

        final int line;
        final Map<String, String> values = new HashMap<>();
        /** Each term as domain, nicename, name. */
        final List<String[]> categories = new ArrayList<>();
        private int spent;
        /** Why the entry cannot be imported, though it was read to its end. */
        String failure;

        Fields(int line) {
            this.line = line;
        }

        String get(String key) {
            assert USED.contains(key) : key;
            return values.get(key);
        }

        Fields checked() throws LineFailure {
            if (failure != null) {
                throw new LineFailure(failure);
            }
            return this;
        }

        /** The nicename of the entry's first term in {@code domain}, or null. */
        String term(String domain) {
            return categories.stream().filter(term -> domain.equals(term[0]) && term[1] != null).map(term -> term[1])
                    .findFirst().orElse(null);
        }

        /** A new term, or null past MAX_TERMS. */
        String[] term(String domain, String nicename) {
            if (categories.size() >= MAX_TERMS) {
                fail("category: more than the " + MAX_TERMS + " categories and tags a post may have");
                return null;
            }
            return spend("category", 0, length(domain) + length(nicename)) ? new String[] {domain, nicename, null}
                    : null;
        }

        /** Whether {@code more} characters may be added to a field that has {@code has}; the entry fails if not. */
        boolean spend(String field, int has, int more) {
            if (has + more > MAX_TEXT) {
                fail(field + ": longer than the " + MAX_TEXT + " characters an element may have");
                return false;
            }
            if (spent + more > MAX_ENTRY_TEXT) {
                fail(field + ": the entry is longer than the " + MAX_ENTRY_TEXT + " characters its fields may have "
                        + "together");
                return false;
            }
            spent += more;
            return true;
        }

        private void fail(String reason) {
            failure = failure == null ? reason : failure;
        }

        private static int length(String text) {
            return text == null ? 0 : text.length();
        }
    }

    /** Why XML cannot be read: a reason of BoundedMarkup's, else where the parser broke. */
    private static String unreadable(XMLStreamException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() != null ? cause.getCause()
                : cause instanceof XMLStreamException x ? x.getNestedException() : null) {
            if (cause instanceof BoundedMarkup.Refused refused) {
                return "not imported from here on: " + refused.getMessage();
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber();
        String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[[^]]*]\\s*"
                + "Message: ", "");
        return "not imported from here on: not well-formed XML" + where + ": " + message;
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {

        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            count += Math.max(0, n);
            return n;
        }
    }
}
