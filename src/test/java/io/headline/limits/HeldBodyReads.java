package io.headline.limits;

import io.headline.common.error.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Body-read permits taken as slow body-carrying responses would take them, until closed: every one of them, or all but
 * a few KiB.
 */
public final class HeldBodyReads implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService holders;

    private HeldBodyReads(BodyReads bodyReads, long leftFreeKiB) throws InterruptedException {
        long toHold = bodyReads.total() - leftFreeKiB;
        int holds = (int) ((toHold + bodyReads.bulk() - 1) / bodyReads.bulk());
        holders = Executors.newFixedThreadPool(Math.max(1, holds));
        CountDownLatch held = new CountDownLatch(holds);
        for (int i = 0; i < holds; i++) {
            long kib = Math.min(bodyReads.bulk(), toHold);
            toHold -= kib;
            holders.submit(() -> hold(bodyReads, kib, held));
        }
        if (!held.await(10, TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException("The body-read permits were not given back by the responses before");
        }
    }

    /** Takes {@code kib} once a response before has given it back (it does so after its last byte went out). */
    private boolean hold(BodyReads bodyReads, long kib, CountDownLatch held) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return bodyReads.run(kib * 1024, () -> {
                    held.countDown();
                    try {
                        return release.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        return false;
                    }
                });
            } catch (ProblemException busy) {
                if (System.nanoTime() > deadline) {
                    throw busy;
                }
                Thread.sleep(10);
            }
        }
    }

    /** Every permit. */
    public static HeldBodyReads all(BodyReads bodyReads) throws InterruptedException {
        return new HeldBodyReads(bodyReads, 0);
    }

    /** All but {@code kib} KiB: less than a bulk read needs, more than a few small bodies do. */
    public static HeldBodyReads allBut(BodyReads bodyReads, long kib) throws InterruptedException {
        return new HeldBodyReads(bodyReads, kib);
    }

    @Override
    public void close() {
        release.countDown();
        holders.shutdown();
    }

    /**
     * The units free once all are back or {@code timeout} has passed. Answers of earlier tests whose callers gave up
     * may still hold some while the server works through them; a unit that leaked never comes back. It sleeps between
     * looks: the server needs the CPU.
     */
    static int unitsBackWithin(BodyReads bodyReads, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (bodyReads.available() < bodyReads.total() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return bodyReads.available();
    }
}
