package io.headline.rendering;

import io.headline.common.error.ProblemException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Prints, for each pathological body of the largest accepted size, how long rendering it takes (wall and CPU
 * time of this thread, best of three runs, 200 frames deep) and whether it was rendered or refused. Run by bench/render.sh; not a test.
 */
public final class RenderBench {

    /** Runs per shape; the best is printed, since other processes on the machine only ever add time. */
    private static final int RUNS = Integer.getInteger("runs", 3);

    /**
     * Frames under the renderer, as on a request thread: the sanitizer throws an exception per URL, whose cost
     * grows with the stack's depth, so a shallow benchmark would flatter links.
     */
    private static final int STACK_DEPTH = Integer.getInteger("depth", 200);

    private RenderBench() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20; i++) { // warm the JIT up on ordinary articles
            MarkdownRenderer.render("# Title\n\nSome *emphasis*, [a link](https://example.com) and <b>html</b>.\n\n"
                    .repeat(500));
        }
        System.out.printf("%-20s %9s %8s %8s  %s%n", "shape", "chars", "wall ms", "cpu ms", "outcome");
        for (PathologicalBody shape : PathologicalBody.values()) {
            String body = shape.largest();
            long bestWall = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            String outcome = null;
            for (int run = 0; run < RUNS; run++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                try {
                    outcome = "rendered, " + renderAtDepth(body, STACK_DEPTH).html().length() + " chars of HTML";
                } catch (ProblemException e) {
                    outcome = "refused: " + e.errors().get(0).message();
                }
                bestWall = Math.min(bestWall, (System.nanoTime() - wall) / 1_000_000);
                bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
            }
            System.out.printf("%-20s %9d %8d %8d  %s%n", shape, body.length(), bestWall, bestCpu, outcome);
        }
    }

    private static Rendered renderAtDepth(String body, int depth) {
        return depth == 0 ? MarkdownRenderer.render(body) : renderAtDepth(body, depth - 1);
    }
}
