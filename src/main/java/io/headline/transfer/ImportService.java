package io.headline.transfer;

import io.headline.common.error.ProblemException;
import io.headline.transfer.ImportRow.ArticleRow;
import io.headline.transfer.ImportRow.AuthorRow;
import io.headline.transfer.ImportRow.CategoryRow;
import io.headline.transfer.ImportSource.Entry;
import io.headline.transfer.ImportWriter.Outcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Imports an NDJSON stream of categories, authors and articles (see README, Bulk import): streamed, a line at a time,
 * and written in batches of headline.transfer.batch-size lines, each in a transaction of its own. While one batch is
 * written, the next is read, validated and rendered on the other cores. A line that fails is reported with its number
 * and reason and the rest go on; a batch the database refuses fails whole, and its lines are reported failed.
 *
 * <p>Upserts make a rerun safe: after a crash, importing the same file again completes it, and what was imported
 * before comes back as unchanged. An import writes no revisions (see README).
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int RETRY_AFTER_SECONDS = 30;

    /** Where an import stands, after each committed batch. */
    public record Progress(int lines, int failed, long bytes) {
    }

    private final LineParser parser;
    private final ImportWriter writer;
    private final TransferConfig config;
    private final Clock clock;
    /** One import at a time per instance: each takes every core while it runs. */
    private final Semaphore running = new Semaphore(1);

    ImportService(LineParser parser, ImportWriter writer, TransferConfig config, Clock clock) {
        this.parser = parser;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
    }

    public ImportSummary importFrom(InputStream in, Consumer<Progress> progress) {
        return importFrom(in, config.batchSize(), progress);
    }

    ImportSummary importFrom(InputStream in, int batchSize, Consumer<Progress> progress) {
        if (!running.tryAcquire()) {
            throw ProblemException.unavailable("Another import is running; retry when it is done.", RETRY_AFTER_SECONDS);
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService preparing = Executors.newFixedThreadPool(threads, daemon("headline-import-prepare"));
        ExecutorService writing = Executors.newSingleThreadExecutor(daemon("headline-import-write"));
        try {
            return new Run(new NdjsonLines(in, preparing, threads), batchSize, progress, writing).run();
        } finally {
            preparing.shutdownNow();
            writing.shutdownNow();
            running.release();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Imports the entries another format reads (a WordPress export, a Markdown folder) through the same batches,
     * writer and counts as NDJSON lines.
     */
    ImportSummary importFrom(ImportSource source, Consumer<Progress> progress) {
        if (!running.tryAcquire()) {
            throw ProblemException.unavailable("Another import is running; retry when it is done.", RETRY_AFTER_SECONDS);
        }
        ExecutorService writing = Executors.newSingleThreadExecutor(daemon("headline-import-write"));
        try {
            return new Run(source, config.batchSize(), progress, writing).run();
        } finally {
            writing.shutdownNow();
            running.release();
        }
    }

    /** An NDJSON stream's lines, a batch at a time read, then validated and rendered on every core. */
    private final class NdjsonLines implements ImportSource {

        private final LineReader reader;
        private final ExecutorService preparing;
        private final int slices;
        private int read;

        NdjsonLines(InputStream in, ExecutorService preparing, int threads) {
            this.reader = new LineReader(in, config.maxLineBytes());
            this.preparing = preparing;
            this.slices = threads * 2;
        }

        @Override
        public List<Entry> next(int max) throws IOException {
            List<LineReader.Line> lines = new ArrayList<>(max);
            LineReader.Line line;
            while (lines.size() < max && (line = reader.next()) != null) {
                lines.add(line);
            }
            if (lines.isEmpty()) {
                return List.of();
            }
            read = lines.get(lines.size() - 1).number();
            List<Entry> prepared = prepare(lines);
            // A batch of blank lines only still counts as read.
            return prepared.isEmpty() ? List.of(new Entry(read, null, null, null)) : prepared;
        }

        @Override
        public int read() {
            return read;
        }

        @Override
        public long bytesRead() {
            return reader.bytesRead();
        }

        /** Reads, validates and renders the lines, a slice per task, all cores at once; in the lines' order. */
        private List<Entry> prepare(List<LineReader.Line> lines) {
            int size = Math.max(1, (lines.size() + slices - 1) / slices);
            List<Callable<List<Entry>>> tasks = new ArrayList<>();
            for (int from = 0; from < lines.size(); from += size) {
                List<LineReader.Line> slice = lines.subList(from, Math.min(lines.size(), from + size));
                tasks.add(() -> slice.stream().filter(l -> !l.blank() || l.tooLong()).map(this::prepare).toList());
            }
            List<Entry> prepared = new ArrayList<>(lines.size());
            try {
                for (Future<List<Entry>> done : preparing.invokeAll(tasks)) {
                    prepared.addAll(done.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.unavailable("The import was interrupted.", RETRY_AFTER_SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            }
            return prepared;
        }

        private Entry prepare(LineReader.Line line) {
            if (line.tooLong()) {
                return Entry.failed(line.number(), "longer than the " + config.maxLineBytes()
                        + " bytes a line may have", null);
            }
            try {
                return new Entry(line.number(), parser.parse(line.number(), line.bytes(), line.length()), null, null);
            } catch (LineFailure e) {
                return Entry.failed(line.number(), e.reason(), null);
            }
        }
    }

    private final class Run {

        private final ImportSource source;
        private final int batchSize;
        private final Consumer<Progress> progress;
        private final ExecutorService writing;
        private final Tally tally;
        private final ImportWriter.GroupKeys keys = new ImportWriter.GroupKeys();
        private Future<List<Entry>> pendingWrite;

        Run(ImportSource source, int batchSize, Consumer<Progress> progress, ExecutorService writing) {
            this.source = source;
            this.batchSize = Math.max(1, batchSize);
            this.progress = progress;
            this.writing = writing;
            this.tally = new Tally(config.maxReportedErrors());
        }

        ImportSummary run() {
            try {
                List<Entry> entries;
                while (!(entries = source.next(batchSize)).isEmpty()) {
                    tally.lines = source.read();
                    for (List<Entry> batch : splitAtRepeatedKeys(entries)) {
                        finishPendingWrite();
                        pendingWrite = writing.submit(() -> write(batch));
                    }
                }
                finishPendingWrite();
            } catch (IOException e) {
                finishQuietly();
                throw new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                finishQuietly();
                throw e;
            }
            ImportSummary summary = tally.summary();
            if (summary.created() + summary.updated() > 0) {
                writer.refreshStatistics();
            }
            return summary;
        }

        /** Two lines with one key in a batch would need an order within it: they go to consecutive batches instead. */
        private List<List<Entry>> splitAtRepeatedKeys(List<Entry> prepared) {
            List<List<Entry>> batches = new ArrayList<>();
            List<Entry> batch = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (Entry p : prepared) {
                if (p.row() != null) {
                    String external = p.row() instanceof ArticleRow a ? a.externalKey() : null;
                    if (keys.contains(p.row().key()) || (external != null && keys.contains(external))) {
                        batches.add(batch);
                        batch = new ArrayList<>();
                        keys.clear();
                    }
                    keys.add(p.row().key());
                    if (external != null) {
                        keys.add(external);
                    }
                }
                batch.add(p);
            }
            batches.add(batch);
            return batches;
        }

        /** One transaction; retried once, since what a batch loses to is most often a concurrent write. */
        private List<Entry> write(List<Entry> batch) {
            List<ImportRow> rows = batch.stream().map(Entry::row).filter(java.util.Objects::nonNull).toList();
            List<Outcome> outcomes;
            try {
                outcomes = rows.isEmpty() ? List.of() : writeOnce(rows);
            } catch (RuntimeException first) {
                try {
                    outcomes = writeOnce(rows);
                } catch (RuntimeException second) {
                    LOG.warnf(second, "An import batch of lines %d to %d failed in the database", batch.get(0).line(),
                            batch.get(batch.size() - 1).line());
                    String reason = "not imported: its batch (lines " + batch.get(0).line() + " to "
                            + batch.get(batch.size() - 1).line() + ") failed in the database: " + rootMessage(second);
                    outcomes = rows.stream().map(r -> Outcome.failed(r, reason)).toList();
                }
            }
            tally.count(batch, outcomes);
            return batch;
        }

        private List<Outcome> writeOnce(List<ImportRow> rows) {
            try {
                List<Outcome> outcomes = QuarkusTransaction.requiringNew().call(() -> writer.write(rows,
                        clock.instant().truncatedTo(ChronoUnit.MICROS), keys));
                keys.commit();
                return outcomes;
            } catch (RuntimeException e) {
                keys.rollBack();
                throw e;
            }
        }

        private void finishPendingWrite() {
            if (pendingWrite == null) {
                return;
            }
            try {
                pendingWrite.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.unavailable("The import was interrupted.", RETRY_AFTER_SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } finally {
                pendingWrite = null;
            }
            progress.accept(new Progress(tally.counted, tally.failed, source.bytesRead()));
        }

        /** After a failure of its own, the import still lets a batch in flight commit or roll back before it ends. */
        private void finishQuietly() {
            try {
                if (pendingWrite != null) {
                    pendingWrite.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ignored) {
                // the first failure is the one reported
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The counts of a run; only the write thread counts, and the reader reads them after each batch it waited for. */
    private static final class Tally {

        private final int maxErrors;
        volatile int lines;
        volatile int counted;
        volatile int failed;
        private final int[][] counts = new int[3][3];
        private final List<ImportSummary.LineError> errors = new ArrayList<>();

        Tally(int maxErrors) {
            this.maxErrors = maxErrors;
        }

        synchronized void count(List<Entry> batch, List<Outcome> outcomes) {
            int next = 0;
            for (Entry p : batch) {
                String failure = p.failure();
                if (p.row() != null) {
                    Outcome outcome = outcomes.get(next++);
                    if (outcome.result() != null) {
                        counts[typeOf(p.row())][outcome.result().ordinal()]++;
                    } else {
                        failure = outcome.reason();
                    }
                }
                if (failure != null) {
                    failed++;
                    if (errors.size() < maxErrors) {
                        errors.add(new ImportSummary.LineError(p.line(),
                                p.where() == null ? failure : p.where() + ": " + failure));
                    }
                }
                counted = Math.max(counted, p.line());
            }
        }

        private static int typeOf(ImportRow row) {
            return row instanceof CategoryRow ? 0 : row instanceof AuthorRow ? 1 : 2;
        }

        synchronized ImportSummary summary() {
            int[] total = new int[3];
            for (int[] type : counts) {
                for (int r = 0; r < 3; r++) {
                    total[r] += type[r];
                }
            }
            return new ImportSummary(lines, total[0], total[1], total[2], failed, counts(0), counts(1), counts(2),
                    List.copyOf(errors), failed > errors.size());
        }

        private ImportSummary.Counts counts(int type) {
            return new ImportSummary.Counts(counts[type][0], counts[type][1], counts[type][2]);
        }
    }
}
