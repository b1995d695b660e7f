package io.headline.transfer;

import java.io.Console;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * An import's progress on stderr: on a terminal a bar redrawn in place (at most ten times a second), otherwise a line
 * a second, which a log keeps readable.
 */
final class ProgressDisplay implements Consumer<ImportService.Progress> {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final String unit;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private long lastShown = started;

    ProgressDisplay(PrintStream err, boolean terminal, String unit, long totalBytes) {
        this.err = err;
        this.terminal = terminal;
        this.unit = unit;
        this.totalBytes = totalBytes;
    }

    private ImportService.Progress last;
    /** Whether the bar's line was ended: the media pass ends it before the import's outcome is printed. */
    private boolean finished;

    @Override
    public void accept(ImportService.Progress progress) {
        last = progress;
        long now = System.nanoTime();
        if (now - lastShown >= (terminal ? 100_000_000L : 1_000_000_000L)) {
            lastShown = now;
            show(progress, now);
        }
    }

    /** On a terminal, the bar as the import ended, and the line it was drawn on ended. */
    void finish() {
        if (terminal && !finished) {
            finished = true;
            if (last != null) {
                show(last, System.nanoTime());
            }
            err.println();
        }
    }

    private void show(ImportService.Progress progress, long now) {
        long percent = totalBytes == 0 ? 100 : Math.min(100, progress.bytes() * 100 / totalBytes);
        double rate = progress.lines() / ((now - started) / 1e9);
        if (terminal) {
            int filled = (int) (percent * WIDTH / 100);
            err.printf("\r[%s%s] %3d%% %,d %s, %,.0f/s, %,d failed ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    percent, progress.lines(), unit, rate, progress.failed());
        } else {
            err.printf("import: %,d %s, %3d%%, %,.0f %s/s, %,d failed%n", progress.lines(), unit, percent, rate, unit,
                    progress.failed());
        }
        err.flush();
    }

    /** Whether stderr is taken to be a terminal: a console is attached (and, from Java 22, says it is one). */
    static boolean stderrIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
