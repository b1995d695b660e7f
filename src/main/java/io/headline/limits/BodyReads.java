package io.headline.limits;

import io.headline.common.HeadlineConfig;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most headline.limits.body-reads responses that read article bodies (lists asking for bodies, searches) are built
 * at once. Each may hold megabytes until it is answered, so the heap they take together stays bounded whatever
 * the number of callers; a request that finds none free within body-read-wait is answered 503 with Retry-After.
 */
@ApplicationScoped
public class BodyReads {

    /** A retry after a second usually finds a permit: a response that holds one is built in well under that. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final Semaphore permits;
    private final Duration wait;

    BodyReads(HeadlineConfig config) {
        this.permits = new Semaphore(config.limits().bodyReads(), true);
        this.wait = config.limits().bodyReadWait();
    }

    /** Builds a response with one of the permits held. */
    public <T> T run(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    private static ProblemException busy() {
        return ProblemException.unavailable("Too many responses with article bodies are being built at once; retry "
                + "after Retry-After seconds, or ask for fewer bodies (fields, formats, size).", RETRY_AFTER_SECONDS);
    }
}
