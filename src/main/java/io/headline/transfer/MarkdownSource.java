package io.headline.transfer;

import io.headline.article.ArticleInput;
import io.headline.article.ArticleStatus;
import io.headline.author.AuthorInput;
import io.headline.category.CategoryInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The entries of a folder of Markdown files with YAML front matter, as Hugo, Jekyll, Astro and Eleventy keep them:
 * each {@code .md} or {@code .markdown} file below the folder is an article, keyed by its slug ({@code md:<slug>}), so a
 * rerun updates rather than duplicates, wherever the file moved. Authors and the first category are created when
 * missing (named as the front matter names them), existing ones left as they are.
 *
 * <p>Front matter is read by SnakeYAML's safe constructor (plain maps, lists and scalars, never an object of a named
 * class) with bounded aliases, nesting and size; TOML front matter ({@code +++}) is reported as unsupported. A file
 * that cannot be imported is reported with its path and skipped.
 */
final class MarkdownSource implements ImportSource {

    /** The largest file read (an article's body may have 1,000,000 characters). */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;
    private static final Pattern JEKYLL_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-(.+)$");
    private static final Pattern FRONT_MATTER = Pattern.compile("(?s)\\A---[ \\t]*\\r?\\n(.*?)(?:\\r?\\n)?^(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)",
            Pattern.MULTILINE);
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            ForeignEntries.strictDate("uuuu-MM-dd HH:mm[:ss]"));
    private static final List<DateTimeFormatter> OFFSET_TIMES = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            ForeignEntries.strictDate("uuuu-MM-dd HH:mm[:ss] xx"), ForeignEntries.strictDate("uuuu-MM-dd HH:mm[:ss] xxx"),
            ForeignEntries.strictDate("uuuu-MM-dd HH:mm[:ss]xxx"));
    /** The day and time of a YAML timestamp, which SnakeYAML reads leniently (2024-13-45 as 14 February 2025). */
    private static final Pattern YAML_TIMESTAMP = Pattern.compile(
            "^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:[Tt]|[ \\t]+)(\\d{1,2}):(\\d{2}):(\\d{2}))?");

    private final Path root;
    private final List<Path> files;
    private final LineParser parser;
    private final Instant now;
    private final ForeignEntries names = new ForeignEntries();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final List<Entry> pending = new ArrayList<>();
    private final long totalBytes;
    private int nextFile;
    private int read;
    private long bytesRead;

    MarkdownSource(Path root, LineParser parser, Clock clock) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a folder: " + root);
        }
        this.root = root;
        this.parser = parser;
        this.now = clock.instant();
        try (Stream<Path> walk = Files.walk(root)) {
            this.files = walk.filter(Files::isRegularFile).filter(MarkdownSource::isMarkdown)
                    .sorted().toList();
        }
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        this.totalBytes = total;
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    long totalBytes() {
        return totalBytes;
    }

    /** What was skipped: Hugo's section pages ({@code _index.md}). */
    Map<String, Integer> skipped() {
        return Map.copyOf(skipped);
    }

    @Override
    public List<Entry> next(int max) throws IOException {
        while (pending.size() < max && nextFile < files.size()) {
            file(files.get(nextFile++));
        }
        List<Entry> entries = new ArrayList<>(pending.subList(0, Math.min(max, pending.size())));
        pending.subList(0, entries.size()).clear();
        return entries;
    }

    @Override
    public int read() {
        return read;
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    private void file(Path file) throws IOException {
        String where = root.relativize(file).toString().replace('\\', '/');
        if (file.getFileName().toString().startsWith("_index.")) {
            skipped.merge("section page", 1, Integer::sum);
            return;
        }
        try {
            long size = Files.size(file);
            bytesRead += size;
            if (size > MAX_FILE_BYTES) {
                throw new LineFailure("larger than the " + MAX_FILE_BYTES + " bytes a file may have");
            }
            article(file, where, text(readAtMost(file)));
        } catch (LineFailure e) {
            pending.add(Entry.failed(++read, e.reason(), where));
        } catch (IOException e) {
            // A file that went away or cannot be read since the folder was listed fails alone.
            pending.add(Entry.failed(++read, "cannot be read: " + e, where));
        }
    }

    /** The file's bytes, at most MAX_FILE_BYTES of them even if it grew since it was measured. */
    private static byte[] readAtMost(Path file) throws IOException, LineFailure {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new LineFailure("larger than the " + MAX_FILE_BYTES + " bytes a file may have");
            }
            return bytes;
        }
    }

    private void article(Path file, String where, String text) throws LineFailure {
        if (text.startsWith("+++")) {
            throw new LineFailure("TOML front matter (+++) is not supported: write it as YAML between --- lines");
        }
        Matcher matter = FRONT_MATTER.matcher(text);
        if (!matter.lookingAt()) {
            throw new LineFailure(text.startsWith("---") ? "front matter: no closing --- line"
                    : "no YAML front matter: the file must begin with a --- line");
        }
        Map<String, Object> front = yaml(matter.group(1));
        String body = text.substring(matter.end()).strip();

        String fileName = file.getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
        if (fileName.equals("index") && file.getParent() != null && !file.getParent().equals(root)) {
            fileName = file.getParent().getFileName().toString();
        }
        Instant fileDate = null;
        Matcher jekyll = JEKYLL_DATE.matcher(fileName);
        if (jekyll.matches()) {
            try {
                fileDate = LocalDate.parse(jekyll.group(1)).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // As Jekyll does: a name that begins with a date that is none is a mistake, not a title.
                throw new LineFailure("file name: " + jekyll.group(1) + " is not a date");
            }
            fileName = jekyll.group(2);
        }
        String title = string(front, "title");
        String slug = ForeignEntries.slug(string(front, "slug") != null ? string(front, "slug") : fileName, title);

        Instant date = date(front, fileDate);
        boolean draft = unpublished(front, where);
        ArticleStatus status = draft ? ArticleStatus.draft
                : date != null && date.isAfter(now) ? ArticleStatus.scheduled : ArticleStatus.published;

        List<String> authorNames = strings(front, "authors");
        if (authorNames.isEmpty()) {
            authorNames = strings(front, "author");
        }
        List<String> authors = new ArrayList<>();
        for (String name : authorNames) {
            String authorSlug = ForeignEntries.slug(name, null);
            if (!authorSlug.isEmpty() && !authors.contains(authorSlug)) {
                authors.add(authorSlug);
                if (names.firstTime("author:" + authorSlug)) {
                    entry(where, new AuthorInput(authorSlug, name.strip(), null, null, null, null), null, true);
                }
            }
        }
        if (authors.isEmpty()) {
            authors.add(ForeignEntries.DEFAULT_AUTHOR);
        }
        List<String> categoryNames = strings(front, "categories");
        if (categoryNames.isEmpty()) {
            categoryNames = strings(front, "category");
        }
        String category = categoryNames.isEmpty() ? ForeignEntries.DEFAULT_CATEGORY
                : ForeignEntries.slug(categoryNames.get(0), null);
        if (!categoryNames.isEmpty() && !category.isEmpty() && names.firstTime("category:" + category)) {
            entry(where, new CategoryInput(category, categoryNames.get(0).strip(), null, null), null, true);
        }
        String excerpt = string(front, "description") != null ? string(front, "description")
                : string(front, "summary") != null ? string(front, "summary") : string(front, "excerpt");
        String locale = parser.locale("lang", string(front, "lang"));
        ArticleInput input = new ArticleInput(slug.isEmpty() ? null : slug, title, null, excerpt, body, status, false,
                draft ? null : date, category.isEmpty() ? null : category, authors,
                ForeignEntries.tags(categoryNames, strings(front, "tags")), null, null, locale);
        // A file's id is its slug, within its locale: the default locale's as before there were locales.
        String externalId = slug.isEmpty() ? null
                : "md:" + (locale.equals(parser.defaultLocale()) ? "" : locale + ":") + slug;
        String group = string(front, "translationKey");
        entry(where, () -> parser.article(read, input, externalId, group == null ? null : "md:" + group));
    }

    /**
     * Whether the source marks the file unpublished: Jekyll's {@code _drafts} folder at any depth, {@code draft} (Hugo,
     * Astro, Eleventy) that is anything but false, {@code published} (Jekyll) that is anything but true, or a
     * {@code status} that is not published. When in doubt, a draft.
     */
    private static boolean unpublished(Map<String, Object> front, String where) {
        List<String> folders = List.of(where.split("/"));
        return folders.subList(0, folders.size() - 1).contains("_drafts")
                || (front.containsKey("draft") && !isFalse(front.get("draft")))
                || (front.containsKey("published") && !isTrue(front.get("published")))
                || (front.containsKey("status") && !List.of("published", "publish").contains(flag(front.get("status"))));
    }

    private static boolean isTrue(Object value) {
        return flag(value).equals("true");
    }

    private static boolean isFalse(Object value) {
        return flag(value).equals("false");
    }

    /** A scalar's text, lower-cased; a list or map has none (as text, aliases could make it far too long). */
    private static String flag(Object value) {
        return value instanceof Map || value instanceof Collection ? ""
                : String.valueOf(value).strip().toLowerCase(Locale.ROOT);
    }

    private void entry(String where, Object input, String externalId, boolean createOnly) {
        entry(where, () -> parser.entry(read, input, externalId, createOnly));
    }

    private interface RowReader {
        ImportRow row() throws LineFailure;
    }

    /** The next entry: the row {@code reader} makes (it reads {@link #read} as the entry's number), or why not. */
    private void entry(String where, RowReader reader) {
        read++;
        try {
            pending.add(new Entry(read, reader.row(), null, where));
        } catch (LineFailure e) {
            pending.add(Entry.failed(read, e.reason(), where));
        }
    }

    private static String text(byte[] bytes) throws LineFailure {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new LineFailure("not UTF-8 text");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) throws LineFailure {
        if (text.length() > MAX_FRONT_MATTER_CHARS) {
            throw new LineFailure("front matter: longer than " + MAX_FRONT_MATTER_CHARS + " characters");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_FRONT_MATTER_CHARS);
        options.setAllowRecursiveKeys(false);
        Object loaded;
        try {
            loaded = new Yaml(new StrictTimestamps(options)).load(text);
        } catch (YAMLException e) {
            String problem = e instanceof MarkedYAMLException marked ? marked.getProblem()
                    + (marked.getProblemMark() == null ? "" : " (front matter line " + (marked.getProblemMark().getLine() + 1)
                    + ")") : e.getMessage();
            throw new LineFailure("front matter: not valid YAML: " + problem);
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new LineFailure("front matter: must be a mapping of names to values");
        }
        return (Map<String, Object>) map;
    }

    /**
     * The safe constructor, but a timestamp that names no real day or time stays text, for the date check to refuse
     * with its reason, instead of becoming another day (as Jekyll refuses it).
     */
    private static final class StrictTimestamps extends SafeConstructor {

        StrictTimestamps(LoaderOptions options) {
            super(options);
            Construct lenient = yamlConstructors.get(Tag.TIMESTAMP);
            yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String value = ((ScalarNode) node).getValue();
                    return exists(value) ? lenient.construct(node) : value;
                }
            });
        }

        private static boolean exists(String timestamp) {
            Matcher parts = YAML_TIMESTAMP.matcher(timestamp);
            try {
                if (parts.lookingAt()) {
                    LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                            Integer.parseInt(parts.group(3)));
                    if (parts.group(4) != null) {
                        LocalTime.of(Integer.parseInt(parts.group(4)), Integer.parseInt(parts.group(5)),
                                Integer.parseInt(parts.group(6)));
                    }
                }
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }

    private static String string(Map<String, Object> front, String key) throws LineFailure {
        Object value = front.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof Collection) {
            throw new LineFailure(key + ": must be a single value");
        }
        String text = value instanceof Date date ? date.toInstant().toString() : value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** A name or list of names: a string, a list of strings, or maps with a {@code name} (as Hugo and Astro allow). */
    private static List<String> strings(Map<String, Object> front, String key) throws LineFailure {
        Object value = front.get(key);
        // Distinct and few: a list of aliases to one long name would otherwise hold a copy of it per item.
        Set<String> values = new LinkedHashSet<>();
        Collection<?> items = value == null ? List.of() : value instanceof Collection<?> ? (Collection<?>) value
                : List.of(value);
        for (Object item : items) {
            Object named = item instanceof Map<?, ?> map ? map.get("name") : item;
            if (named instanceof Map || named instanceof Collection) {
                throw new LineFailure(key + ": must be a name or a list of names");
            }
            if (named != null && !named.toString().isBlank() && values.size() <= ForeignEntries.MAX_TAGS) {
                values.add(named.toString().strip());
            }
        }
        return new ArrayList<>(values);
    }

    private static Instant date(Map<String, Object> front, Instant fileDate) throws LineFailure {
        for (String key : List.of("date", "publishDate", "pubDate")) {
            Object value = front.get(key);
            if (value instanceof Date date) {
                return date.toInstant().truncatedTo(ChronoUnit.MICROS);
            }
            if (value instanceof Map || value instanceof Collection) {
                // Turned into text, a value of aliases to aliases would be far longer than the front matter.
                throw new LineFailure(key + ": must be a single date");
            }
            if (value != null) {
                return parseDate(key, value.toString().strip());
            }
        }
        return fileDate;
    }

    private static Instant parseDate(String key, String value) throws LineFailure {
        for (DateTimeFormatter format : OFFSET_TIMES) {
            try {
                return OffsetDateTime.parse(value, format).toInstant();
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        for (DateTimeFormatter format : LOCAL_TIMES) {
            try {
                return LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new LineFailure(key + ": '" + value + "' is not a date (e.g. 2024-05-01, 2024-05-01T10:00:00Z or "
                    + "2024-05-01 10:00:00 +0200)");
        }
    }
}
