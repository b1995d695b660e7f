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
import java.util.Set;

/**
 * The command-line mode of the jar: {@code import FILE} and {@code export FILE}. Progress and the outcome go to
 * stderr, the import's summary as JSON to stdout. Exit status: 0 when every line was imported, 1 when some failed,
 * 2 for a file that cannot be read or written, or a wrong command line.
 */
@ApplicationScoped
public class TransferCommand {

    public static final Set<String> COMMANDS = Set.of("import", "export");
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final ImportService imports;
    private final ExportService exports;
    private final ObjectMapper mapper;

    TransferCommand(ImportService imports, ExportService exports, ObjectMapper mapper) {
        this.imports = imports;
        this.exports = exports;
        this.mapper = mapper;
    }

    public int run(PrintStream out, PrintStream err, String... args) {
        if (args.length != 2 || !COMMANDS.contains(args[0])) {
            err.println("Usage: java -jar quarkus-run.jar import FILE | export FILE   (no arguments: run the server)");
            return 2;
        }
        Path file = Path.of(args[1]);
        try {
            return args[0].equals("import") ? importFile(file, out, err) : exportFile(file, err);
        } catch (IOException e) {
            err.println(args[0] + ": " + file + ": " + e);
            return 2;
        }
    }

    private int importFile(Path file, PrintStream out, PrintStream err) throws IOException {
        long size = Files.size(file);
        long started = System.nanoTime();
        long[] lastShown = {started};
        ImportSummary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = imports.importFrom(in, progress -> {
                long now = System.nanoTime();
                if (now - lastShown[0] >= PROGRESS_EVERY_NANOS) {
                    lastShown[0] = now;
                    err.printf("import: %,d lines, %3d%%, %,.0f lines/s, %,d failed%n", progress.lines(),
                            size == 0 ? 100 : progress.bytes() * 100 / size,
                            progress.lines() / ((now - started) / 1e9), progress.failed());
                }
            });
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println(mapper.writeValueAsString(summary));
        err.printf("import: %,d lines in %.1f s (%,.0f lines/s): %,d created, %,d updated, %,d unchanged, %,d failed "
                        + "(articles: %,d created, %,d updated, %,d unchanged)%n",
                summary.lines(), seconds, summary.lines() / Math.max(seconds, 1e-3), summary.created(),
                summary.updated(), summary.unchanged(), summary.failed(), summary.articles().created(),
                summary.articles().updated(), summary.articles().unchanged());
        summary.errors().stream().limit(20).forEach(e -> err.println("  line " + e.line() + ": " + e.reason()));
        return summary.failed() > 0 ? 1 : 0;
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
