package io.headline.limits;

import io.headline.common.error.ProblemType;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Refuses a body on GET, HEAD and DELETE with a 400 problem before a byte of it is read. No endpoint reads one,
 * yet to keep the connection open the server would read an unwanted body to its end, however long (a 200 MiB
 * chunked GET took as long as its upload). The connection is closed after the 400 instead.
 */
@ApplicationScoped
class NoBodyExpected {

    /** Before the body size check: an unexpected body is refused whatever its size. */
    private static final int PRIORITY = 20;
    private static final Set<HttpMethod> WITHOUT_BODY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE);

    private final EarlyProblems problems;

    NoBodyExpected(EarlyProblems problems) {
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::refuseBody, PRIORITY);
    }

    private void refuseBody(RoutingContext context) {
        if (WITHOUT_BODY.contains(context.request().method()) && hasBody(context)) {
            context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            problems.send(context, ProblemType.BAD_REQUEST, "A " + context.request().method().name()
                    + " request takes no body; send it without Content-Length or Transfer-Encoding.");
        } else {
            context.next();
        }
    }

    private static boolean hasBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || length != null && !length.strip().equals("0");
    }
}
