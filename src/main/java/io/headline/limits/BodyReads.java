package io.headline.limits;

import io.headline.common.HeadlineConfig;
import io.headline.common.error.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * Bounds the article bodies held in memory by responses in flight: headline.limits.body-reads times
 * headline.limits.list-body-budget bytes in all. A response that may carry bodies in bulk (a list asking for them, a
 * large single article) takes a whole list-body-budget; one that only scans the start of each body for a snippet (a
 * search) takes what those starts may hold, so that many small searches run beside each other while bulk reads stay
 * few. What a response takes is held from before the bodies are read until its body has been serialized
 * ({@link BodyReadsRelease}), not until its client has read it: a client that never reads would hold it for as long
 * as its connection lasts, and two such froze every bulk read. What waits to be sent is bounded by
 * {@link PendingSends} instead. A request that finds too little free within body-read-wait is answered 503 with
 * Retry-After.
 */
@ApplicationScoped
@Startup // so that its refusals counter is exported (at zero) before the first body is read
public class BodyReads {

    /** A retry after a second usually finds a permit: a response that holds one is sent in well under that. */
    static final int RETRY_AFTER_SECONDS = 1;

    /** The routing context's key of what gives the current request's units back. */
    private static final String HELD = "headline.body-reads.held";

    /** The semaphore counts KiB: what the heap holds for the bodies of responses in flight. */
    private static final long UNIT = 1024;

    private final Semaphore permits;
    private final int bulk;
    private final int bodyReadsConfigured;
    private final Duration wait;
    private final CurrentVertxRequest request;
    private final Counter refusals;

    BodyReads(HeadlineConfig config, CurrentVertxRequest request, MeterRegistry registry) {
        this.bulk = (int) Math.max(1, config.limits().listBodyBudget().asLongValue() / UNIT);
        this.bodyReadsConfigured = config.limits().bodyReads();
        this.permits = new Semaphore(Math.multiplyExact(bulk, bodyReadsConfigured), true);
        this.wait = config.limits().bodyReadWait();
        this.request = request;
        this.refusals = Counter.builder("headline.body.read.refusals")
                .description("Requests refused 503 because too many article bodies were being sent at once")
                .register(registry);
    }

    /**
     * Holds one of the permits until the response has ended: for a response whose bodies were found large only once
     * read (a single article), so that many of them are not serialized and sent at once.
     */
    public void hold() {
        run(() -> null);
    }

    /**
     * Holds what {@code bytes} of bodies take, never more than a bulk read, until the response has ended; nothing for
     * none: for a response that learns what its bodies weigh before it reads them (a feed).
     */
    public void hold(long bytes) {
        if (bytes > 0) {
            run(bytes, () -> null);
        }
    }

    /** Builds a response that may carry bodies in bulk; what it holds is given back once the response has ended. */
    public <T> T run(Supplier<T> work) {
        return run(bulk, work);
    }

    /**
     * Builds a response that reads at most {@code bytes} of bodies in all (e.g. the start of each of a page's bodies,
     * for snippets), never counted as more than a bulk read.
     */
    public <T> T run(long bytes, Supplier<T> work) {
        return run((int) Math.min(bulk, Math.max(1, (bytes + UNIT - 1) / UNIT)), work);
    }

    private <T> T run(int units, Supplier<T> work) {
        acquire(units);
        RoutingContext context = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        boolean handedOver = false;
        try {
            T result = work.get();
            if (context != null) {
                handOver(context, units);
                handedOver = true;
            }
            return result;
        } finally {
            if (!handedOver) {
                permits.release(units);
            }
        }
    }

    /**
     * Gives what the current request holds back: its body has been serialized (see {@link BodyReadsRelease}), so
     * what is left to do is to send it, which the client's network decides.
     */
    void workDone() {
        RoutingContext context = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        Runnable release = context == null ? null : context.remove(HELD);
        if (release != null) {
            release.run();
        }
    }

    /**
     * Gives the units back once, when the work is done ({@link #workDone}), the response has ended or the request is
     * over for Quarkus REST, whichever is told first. The routing context's end handlers alone miss a connection the
     * client closed before the response ended: Quarkus REST takes the response's only close handler for itself, and
     * that leak drained every permit under load (each later search waited and got 503).
     */
    private void handOver(RoutingContext context, int units) {
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.getAndSet(false)) {
                permits.release(units);
            }
        };
        Runnable earlier = context.get(HELD);
        context.put(HELD, earlier == null ? release : (Runnable) () -> {
            earlier.run();
            release.run();
        });
        context.addEndHandler(ended -> release.run());
        ResteasyReactiveRequestContext rest = CurrentRequestManager.get();
        if (rest != null) {
            rest.registerCompletionCallback(failure -> release.run());
        }
    }

    /** Units free now, out of body-reads × list-body-budget in KiB (for tests). */
    int available() {
        return permits.availablePermits();
    }

    /** The units a bulk read takes (for tests). */
    int bulk() {
        return bulk;
    }

    /** All the units there are (for tests). */
    int total() {
        return bulk * bodyReadsConfigured;
    }

    private void acquire(int units) {
        try {
            if (!permits.tryAcquire(units, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private ProblemException busy() {
        refusals.increment();
        return ProblemException.unavailable("Too many responses with article bodies are being sent at once; retry "
                + "after Retry-After seconds, or ask for fewer bodies (fields, formats, size).", RETRY_AFTER_SECONDS);
    }
}
