package io.headline.limits;

import io.headline.common.HeadlineConfig;
import io.headline.common.error.ProblemType;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Answers a request line or headers that are too long with a 414 or 431 problem, like every other error.
 *
 * <p>Netty refuses what passes its own limits (quarkus.http.limits.max-initial-line-length and max-header-size)
 * while it decodes the request, before any route exists; Vert.x then answers through the HTTP server's invalid
 * request handler, which Quarkus neither sets nor lets an application set (quarkus#55082), so that answer has no
 * body. Those limits are therefore raised to backstops, and the lower limits here answer first.
 */
@ApplicationScoped
class RequestHeadLimit {

    /** Before the body checks: a request whose head is refused is never read further. */
    private static final int PRIORITY = 30;
    /** Between method, URL and version, and the version itself, as Netty counts the initial line. */
    private static final int REQUEST_LINE_OVERHEAD = 2 + "HTTP/1.1".length();
    /** The ": " between a header's name and value; Netty counts each header line without its line break. */
    private static final int HEADER_OVERHEAD = 2;

    private final int maxRequestLine;
    private final long maxHeaderSize;
    private final EarlyProblems problems;

    RequestHeadLimit(HeadlineConfig config, EarlyProblems problems) {
        this.maxRequestLine = config.limits().maxRequestLine();
        this.maxHeaderSize = config.limits().maxHeaderSize().asLongValue();
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method().name().length() + request.uri().length() + REQUEST_LINE_OVERHEAD > maxRequestLine) {
            refuse(context, ProblemType.URI_TOO_LONG, "The request line is longer than the " + maxRequestLine
                    + " bytes accepted; send fewer or shorter query parameters.");
        } else if (headerSize(request) > maxHeaderSize) {
            refuse(context, ProblemType.HEADERS_TOO_LARGE, "The request headers are larger than the " + maxHeaderSize
                    + " bytes accepted.");
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
        context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        problems.send(context, type, detail);
    }

    private static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + HEADER_OVERHEAD + header.getValue().length();
        }
        return size;
    }
}
