package io.headline.limits;

import io.headline.common.HeadlineConfig;
import io.headline.common.error.ProblemException;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most headline.limits.body-reads responses that read article bodies (lists asking for bodies, searches) are in
 * flight at once: a permit is held from before the bodies are read until the response has been sent (or the
 * connection is gone), so that the text, its JSON and its compressed copy are all covered, and the heap they take
 * together stays bounded whatever the number of callers. A request that finds none free within body-read-wait is
 * answered 503 with Retry-After.
 */
@ApplicationScoped
public class BodyReads {

    /** A retry after a second usually finds a permit: a response that holds one is sent in well under that. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final Semaphore permits;
    private final Duration wait;
    private final CurrentVertxRequest request;

    BodyReads(HeadlineConfig config, CurrentVertxRequest request) {
        this.permits = new Semaphore(config.limits().bodyReads(), true);
        this.wait = config.limits().bodyReadWait();
        this.request = request;
    }

    /**
     * Holds one of the permits until the response has ended: for a response whose bodies were found large only once
     * read (a single article), so that many of them are not serialized and sent at once.
     */
    public void hold() {
        run(() -> null);
    }

    /** Builds a response with one of the permits held; the permit is given back once the response has ended. */
    public <T> T run(Supplier<T> work) {
        acquire();
        RoutingContext context = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        boolean handedOver = false;
        try {
            T result = work.get();
            if (context != null) {
                context.addEndHandler(ended -> permits.release());
                handedOver = true;
            }
            return result;
        } finally {
            if (!handedOver) {
                permits.release();
            }
        }
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private static ProblemException busy() {
        return ProblemException.unavailable("Too many responses with article bodies are being sent at once; retry "
                + "after Retry-After seconds, or ask for fewer bodies (fields, formats, size).", RETRY_AFTER_SECONDS);
    }
}
