package io.headline.delivery;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records, for a request carrying {@link #HEADER}, the thread its response headers were written on: a response
 * ended on the event loop was answered there; one built by Quarkus REST ends on a worker thread.
 */
@ApplicationScoped
public class ThreadProbe {

    public static final String HEADER = "X-Test-Probe";

    private final Map<String, String> threads = new ConcurrentHashMap<>();

    void register(@Observes Router router) {
        router.route("/api/*").order(ResponseCacheRoute.ORDER - 2).handler(context -> {
            String probe = context.request().getHeader(HEADER);
            if (probe != null) {
                context.addHeadersEndHandler(ignored -> threads.put(probe, Thread.currentThread().getName()));
            }
            context.next();
        });
    }

    public String threadOf(String probe) {
        return threads.get(probe);
    }

    public static boolean eventLoop(String thread) {
        return thread != null && thread.startsWith("vert.x-eventloop-thread");
    }
}
