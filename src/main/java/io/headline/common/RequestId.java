package io.headline.common;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane (a proxy or client that made one
 * keeps it), else a random one. It is echoed in the response's {@code X-Request-Id}, put in the logging MDC as
 * {@code requestId} (so JSON logs carry it) and in every problem body.
 *
 * <p>A filter that runs before all others (CORS and the limits answer some requests without going further), on the
 * event loop, once per request: it costs a header read, a random number and a header write. The id is made with
 * {@link ThreadLocalRandom}, not {@link UUID#randomUUID()}, whose shared SecureRandom would serialize the busiest
 * reads; a request id names a request, it guards nothing.
 */
@ApplicationScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** The key of the id in the logging MDC. */
    public static final String MDC_KEY = "requestId";

    private static final String KEY = "headline.request-id";
    /** Before CORS (300), which answers a preflight itself. */
    private static final int PRIORITY = 1000;
    /** What is taken from a caller: short, and nothing a log line or a header could be bent by. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        String id = sane(context.request().getHeader(HEADER));
        if (id == null) {
            id = random();
        }
        context.put(KEY, id);
        context.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        context.next();
    }

    /** The id of this request (null if it never went through the filter). */
    public static String of(RoutingContext context) {
        return context.get(KEY);
    }

    /** The id of the request being handled on this thread, or null outside one. */
    public static String current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext context = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return context == null ? null : of(context);
    }

    static String sane(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : null;
    }

    /** A random (version 4) UUID. */
    static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
