package io.headline.common.metrics;

import io.vertx.core.Context;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * The route template a request's HTTP timings are kept under ({@code uri="/api/v1/articles/{idOrSlug}"}). Quarkus REST
 * leaves it in the request's context for Quarkus's HTTP metrics; a request refused by a route filter, before any route
 * matched, would otherwise be timed under its raw path: one series per made-up path, until the metrics' cap on distinct
 * routes drops new ones, real routes included. Whatever a request leaves here, the labels are bounded in the end by
 * {@code io.headline.ops.HttpTimingLabels}.
 */
public final class RouteTemplate {

    /**
     * The label of requests refused before routing (400, 413, 414, 431, 429 from the route filters). Quarkus's metrics
     * would add the leading slash to a template without one.
     */
    public static final String REFUSED = "/REFUSED";

    /** The label of a request that matched no route template (Quarkus's own word for an unknown path). */
    public static final String UNKNOWN = "UNKNOWN";

    private static final String KEY = "UrlPathTemplate";

    private RouteTemplate() {
    }

    public static void set(RoutingContext context, String template) {
        requestContext(context).putLocal(KEY, template);
    }

    @SuppressWarnings("deprecation") // Context locals are where Quarkus's HTTP metrics read the template.
    private static Context requestContext(RoutingContext context) {
        return ((HttpServerRequestInternal) context.request()).context();
    }
}
