package io.headline.limits;

import io.headline.common.HeadlineConfig;
import io.headline.common.error.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelPipeline;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what answers waiting for their clients hold, whatever the clients' networks do: each HTTP/1.x connection
 * sends its large answers through a {@link SendPacer} (slices, back-pressure, a stall deadline), and a large answer is
 * admitted only while the bytes already waiting on all connections leave room for it under
 * headline.limits.send-budget; otherwise it waits up to body-read-wait and is answered 503 with Retry-After. Clients
 * that never read thus hold at most the budget, and only until the stall timeout closes their connections.
 */
@ApplicationScoped
@Startup // so that its meters are exported (at zero) before the first answer
public class PendingSends {

    /** What the budget counts: an answer smaller than a slice goes out in one write and is not held back. */
    static final int LARGE = SendPacer.SLICE;
    /** The heap share the budget takes when none is configured. */
    private static final int HEAP_SHARE = 8;
    private static final long POLL_MILLIS = 10;

    private final AtomicLong pending = new AtomicLong();
    private final long budget;
    private final long stallNanos;
    private final Duration wait;
    private final Counter refusals;
    private final Counter stalls;

    PendingSends(HeadlineConfig config, MeterRegistry registry) {
        this.budget = config.limits().sendBudget().map(size -> size.asLongValue())
                .orElse(Runtime.getRuntime().maxMemory() / HEAP_SHARE);
        this.stallNanos = config.limits().sendStallTimeout().toNanos();
        this.wait = config.limits().bodyReadWait();
        Gauge.builder("headline.pending.sends", pending, AtomicLong::get).baseUnit("bytes")
                .description("Bytes of large answers waiting for their clients to read them").register(registry);
        this.refusals = Counter.builder("headline.pending.send.refusals")
                .description("Large answers refused 503 because too many bytes were waiting for slow clients")
                .register(registry);
        this.stalls = Counter.builder("headline.send.stalls")
                .description("Connections closed because their client read nothing for the send stall timeout")
                .register(registry);
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS + 1).handler(this::pace);
    }

    /** Puts a pacer on the request's connection once, before anything is sent on it. */
    private void pace(RoutingContext context) {
        HttpConnection connection = context.request().connection();
        if (context.request().version() != HttpVersion.HTTP_2 && connection instanceof ConnectionBase base) {
            ChannelPipeline pipeline = base.channel().pipeline();
            if (pipeline.get(SendPacer.NAME) == null && pipeline.get("handler") != null) {
                pipeline.addBefore("handler", SendPacer.NAME, new SendPacer(this, stallNanos));
            }
        }
        context.next();
    }

    /**
     * Lets an answer of {@code bytes} go out if what waits leaves room for it, waiting up to body-read-wait for room;
     * an answer no larger than a slice always goes. One larger than the whole budget goes when nothing else waits.
     *
     * @throws ProblemException 503 with Retry-After when no room came
     */
    public void admit(long bytes) {
        if (bytes <= LARGE) {
            return;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (!fits(bytes)) {
            if (System.nanoTime() >= deadline) {
                refusals.increment();
                throw ProblemException.unavailable("Too many large answers are waiting for their clients to read "
                        + "them; retry after Retry-After seconds, or ask for less (fields, formats, size).",
                        BodyReads.RETRY_AFTER_SECONDS);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                refusals.increment();
                throw ProblemException.unavailable("Interrupted while waiting to send.", BodyReads.RETRY_AFTER_SECONDS);
            }
        }
    }

    private boolean fits(long bytes) {
        long waiting = pending.get();
        return waiting == 0 || waiting + bytes <= budget;
    }

    void add(long bytes) {
        pending.addAndGet(bytes);
    }

    void remove(long bytes) {
        if (bytes > 0) {
            pending.addAndGet(-bytes);
        }
    }

    void stalled() {
        stalls.increment();
    }

    /** Bytes waiting now (for tests). */
    long pending() {
        return pending.get();
    }
}
