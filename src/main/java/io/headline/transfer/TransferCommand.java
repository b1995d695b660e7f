package io.headline.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The command-line mode of the jar: {@code import [--format ndjson|wordpress|markdown] [--media] PATH} and
 * {@code export FILE}. Progress goes to stderr (a bar on a terminal, a line a second otherwise), then the outcome; the
 * import's summary as JSON to stdout. {@code --media} (WordPress only) imports the posts' featured images too
 * (FeatureImages). Exit status: 0 when every entry (and asked-for featured image) was imported, 1 when some failed, 2
 * for a file that cannot be read or written, or a wrong command line.
 */
@ApplicationScoped
public class TransferCommand {

    public static final Set<String> COMMANDS = Set.of("import", "export");
    static final List<String> FORMATS = List.of("ndjson", "wordpress", "markdown");
    private static final String USAGE = "Usage: java -jar quarkus-run.jar import [--format ndjson|wordpress|markdown] "
            + "[--media] FILE-OR-FOLDER | export FILE   (no arguments: run the server; --media: a WordPress export's "
            + "featured images too)";

    private final ImportService imports;
    private final ExportService exports;
    private final LineParser parser;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final FeatureImages featureImages;

    TransferCommand(ImportService imports, ExportService exports, LineParser parser, ObjectMapper mapper, Clock clock,
            FeatureImages featureImages) {
        this.featureImages = featureImages;
        this.imports = imports;
        this.exports = exports;
        this.parser = parser;
        this.mapper = mapper;
        this.clock = clock;
    }

    public int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, ProgressDisplay.stderrIsTerminal(), args);
    }

    int run(PrintStream out, PrintStream err, boolean terminal, String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        String format = "ndjson";
        boolean media = !rest.isEmpty() && rest.get(0).equals("import") && rest.subList(1, rest.size()).remove("--media");
        if (rest.size() == 4 && rest.get(0).equals("import") && rest.get(1).equals("--format")) {
            format = rest.get(2);
            rest.subList(1, 3).clear();
        }
        if (rest.size() != 2 || !COMMANDS.contains(rest.get(0)) || !FORMATS.contains(format)) {
            err.println(USAGE);
            return 2;
        }
        if (media && !format.equals("wordpress")) {
            err.println("import: --media imports a WordPress export's featured images; it needs --format wordpress");
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(rest.get(1));
        try {
            return rest.get(0).equals("import") ? importFrom(format, media, file, out, err, terminal)
                    : exportFile(file, err);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            if (terminal) {
                err.println();
            }
            // Our own reasons are plain IOExceptions; a file system's name their kind (NoSuchFileException: PATH).
            err.println(rest.get(0) + ": " + file + ": "
                    + (cause.getClass() == IOException.class ? cause.getMessage() : cause.toString()));
            return 2;
        }
    }

    private int importFrom(String format, boolean media, Path path, PrintStream out, PrintStream err,
            boolean terminal) throws IOException {
        long started = System.nanoTime();
        String unit = format.equals("ndjson") ? "lines" : "entries";
        ImportSummary summary;
        Map<String, Integer> skipped = Map.of();
        ProgressDisplay progress;
        if (format.equals("markdown")) {
            MarkdownSource source = new MarkdownSource(path, parser, clock);
            progress = new ProgressDisplay(err, terminal, unit, source.totalBytes());
            summary = imports.importFrom(source, progress);
            skipped = source.skipped();
        } else {
            long size = Files.size(path);
            progress = new ProgressDisplay(err, terminal, unit, size);
            try (InputStream in = Files.newInputStream(path)) {
                if (format.equals("wordpress")) {
                    WordPressSource source = new WordPressSource(in, parser, media);
                    summary = imports.importFrom(source, progress);
                    skipped = source.skipped();
                    if (media) {
                        progress.finish();
                        err.printf("import: fetching the featured images of %,d posts%n",
                                source.media().thumbnails().size());
                        summary = featureImages.attach(source.media(), summary);
                    }
                } else {
                    summary = imports.importFrom(in, progress);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.finish();
        out.println(mapper.writeValueAsString(summary));
        err.printf("import: %,d %s in %.1f s (%,.0f %s/s): %,d created, %,d updated, %,d unchanged, %,d failed "
                        + "(articles: %,d created, %,d updated, %,d unchanged)%s%n",
                summary.lines(), unit, seconds, summary.lines() / Math.max(seconds, 1e-3), unit, summary.created(),
                summary.updated(), summary.unchanged(), summary.failed(), summary.articles().created(),
                summary.articles().updated(), summary.articles().unchanged(), skipped.isEmpty() ? ""
                        : "; skipped: " + new TreeMap<>(skipped).entrySet().stream()
                                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        if (summary.mediaImported() != null) {
            err.printf("import: featured images: %,d imported, %,d failed%n", summary.mediaImported(),
                    summary.mediaFailed());
        }
        summary.errors().stream().limit(20).forEach(e -> err.println("  "
                + (format.equals("ndjson") ? "line " + e.line() + ": " : "") + e.reason()));
        return summary.failed() > 0 || (summary.mediaFailed() != null && summary.mediaFailed() > 0) ? 1 : 0;
    }

    private int exportFile(Path file, PrintStream err) throws IOException {
        long started = System.nanoTime();
        long lines;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            lines = exports.export(out);
        }
        err.printf("export: %,d lines to %s in %.1f s%n", lines, file, (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
