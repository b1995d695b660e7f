package io.headline.delivery;

import io.headline.locale.Locales;
import io.headline.common.ApiPaths;
import io.headline.common.metrics.CacheMeters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Answers public reads from {@link ResponseCache} on the event loop, before Quarkus REST dispatches to a worker
 * thread, and keeps what a miss sends.
 *
 * <p>It is a route after the route filters, so a hit has been counted by the rate limiter and carries the headers
 * every response gets (RateLimit, CORS, security headers) made afresh for this request; what it adds is what the
 * application added on the miss, recorded as the difference between the response headers before and after it.
 *
 * <p>Only reads without Authorization are kept: what a token sees may be private, and its responses are
 * {@code private, no-store}. Nor is anything kept whose Cache-Control is not public (a preview link's draft).
 */
@ApplicationScoped
class ResponseCacheRoute {

    /** After the compression route (0), before Quarkus REST. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_COMPRESSION + 1;
    /** Set on a request whose response may be kept: {@link HttpCachingFilter} then leaves its body here. */
    static final String CANDIDATE = "headline.response-cache.candidate";
    static final String CAPTURED = "headline.response-cache.captured";

    /** The body as the application sent it, with what it depends on. */
    record Captured(byte[] body, Validators validators, boolean list, Set<String> keys) {
    }

    /** Framing and connection headers: those of the hit are its own. */
    private static final Set<String> NOT_KEPT = Set.of("content-length", "transfer-encoding", "content-encoding",
            "connection", "date", "keep-alive");

    private final ResponseCache cache;
    private final Vertx vertx;
    private final CacheMeters meters;

    private final Locales locales;

    ResponseCacheRoute(ResponseCache cache, Vertx vertx, MeterRegistry registry, Locales locales) {
        this.locales = locales;
        this.cache = cache;
        this.vertx = vertx;
        this.meters = new CacheMeters(registry, "responses");
        Gauge.builder("headline.response.cache.entries", cache, ResponseCache::size)
                .description("Responses kept in memory").register(registry);
        Gauge.builder("headline.response.cache.size", cache, ResponseCache::weightedSize).baseUnit("bytes")
                .description("What the responses kept in memory weigh, their compressed copies included")
                .register(registry);
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(context -> handle(context, false));
        // Feeds and sitemaps carry absolute links to themselves, made from the address the request was sent to: they
        // are kept per scheme and host, so that a request with a forged Host is answered with its own links only.
        for (String path : List.of(ApiPaths.FEEDS + "/*", ApiPaths.SITEMAP, ApiPaths.SITEMAPS + "/*")) {
            router.route(path).order(ORDER).handler(context -> handle(context, true));
        }
    }

    /**
     * With several locales, the locale Accept-Language chooses when the query names none: responses are kept by the
     * locale they serve, not by the header's many spellings. Nothing otherwise.
     */
    private String localeChosen(HttpServerRequest request) {
        if (!locales.multiple() || request.getParam("locale") != null) {
            return "";
        }
        // As LocaleChoice reads it: a header that asks for none of the locales is no choice, as no header.
        return "\u0000" + locales.accepted(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)).orElse("");
    }

    private void handle(RoutingContext context, boolean perHost) {
        HttpServerRequest request = context.request();
        boolean head = request.method() == HttpMethod.HEAD;
        if (!cache.enabled() || !(head || request.method() == HttpMethod.GET)
                || request.headers().contains(HttpHeaders.AUTHORIZATION)) {
            context.next();
            return;
        }
        String path = perHost ? request.scheme() + "://" + request.authority() + request.path() : request.path();
        ResponseCache.Key key = new ResponseCache.Key(path, normalizedQuery(request.query())
                + localeChosen(request));
        String encoding = Encodings.negotiate(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        if (Encodings.DEFLATE.equals(encoding) || Encodings.UNKNOWN.equals(encoding)) {
            context.next();
            return;
        }
        // Over HTTP/2 the server compresses into whatever Content-Encoding says, so there the plain body goes out
        // and is compressed as a miss's is. The route that precedes this one marks every response "identity" (no
        // compression); a miss of a JSON type has that mark taken off, and so does a hit.
        String sent = request.version() == HttpVersion.HTTP_2 ? null : encoding;
        CachedResponse hit = cache.get(key);
        // A revalidation needs no body: a hit answers it whatever copies it holds.
        if (hit != null && (hit.body(sent) != null || notModified(request, hit))) {
            meters.hit();
            answer(context, hit, sent, head);
        } else {
            meters.miss();
            keepWhatIsSent(context, key, sent, head);
            context.next();
        }
    }

    private static void answer(RoutingContext context, CachedResponse hit, String sent, boolean head) {
        HttpServerResponse response = context.response();
        MultiMap headers = response.headers();
        for (Map.Entry<String, String> header : hit.headers()) {
            headers.remove(header.getKey());
        }
        for (Map.Entry<String, String> header : hit.headers()) {
            headers.add(header.getKey(), header.getValue());
        }
        if (notModified(context.request(), hit)) {
            headers.remove(HttpHeaders.CONTENT_TYPE);
            headers.remove(HttpHeaders.CONTENT_ENCODING);
            response.setStatusCode(304).end();
            return;
        }
        byte[] body = hit.body(sent);
        if (sent != null) {
            headers.set(HttpHeaders.CONTENT_ENCODING, sent);
        } else {
            headers.remove(HttpHeaders.CONTENT_ENCODING);
        }
        if (head) {
            response.end();
        } else {
            // The kept bytes themselves, read-only, not a copy per answer: a client that reads slowly holds no
            // memory of its own for a hit (the send pacer does not count a shared, read-only body).
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(body).asReadOnly()));
        }
    }

    /** As {@link HttpCachingFilter} decides it on a miss. */
    private static boolean notModified(HttpServerRequest request, CachedResponse hit) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return hit.validators().matchesAny(ifNoneMatch);
        }
        String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        return !hit.list() && ifModifiedSince != null && hit.validators().unmodifiedSince(ifModifiedSince);
    }

    private void keepWhatIsSent(RoutingContext context, ResponseCache.Key key, String encoding, boolean head) {
        long since = cache.generation();
        Instant startedAt = cache.now();
        context.put(CANDIDATE, Boolean.TRUE);
        HttpServerResponse response = context.response();
        MultiMap before = MultiMap.caseInsensitiveMultiMap().addAll(response.headers());
        List<Map.Entry<String, String>> added = new ArrayList<>();
        context.addHeadersEndHandler(ignored -> {
            MultiMap after = response.headers();
            for (String name : after.names()) {
                if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT)) && !after.getAll(name).equals(before.getAll(name))) {
                    after.getAll(name).forEach(value -> added.add(new AbstractMap.SimpleImmutableEntry<>(name, value)));
                }
            }
        });
        context.addEndHandler(ended -> {
            Captured captured = context.get(CAPTURED);
            if (ended.succeeded() && !head && captured != null && response.getStatusCode() == 200 && keepable(added)) {
                vertx.executeBlocking(() -> {
                    cache.store(key, added, captured.body(), captured.validators(), captured.list(), captured.keys(),
                            encoding, startedAt, since);
                    return null;
                }, false);
            }
        });
    }

    /** Only what any shared cache could keep, and nothing that sets a cookie. */
    private static boolean keepable(List<Map.Entry<String, String>> headers) {
        boolean publicCacheControl = false;
        boolean surrogateKeys = false;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String value = header.getValue().toLowerCase(Locale.ROOT);
            if (name.equals("set-cookie") || name.equals("cache-control") && (value.contains("private")
                    || value.contains("no-store") || !value.contains("public"))) {
                return false;
            }
            publicCacheControl |= name.equals("cache-control");
            surrogateKeys |= name.equals(HttpCachingFilter.SURROGATE_KEY.toLowerCase(Locale.ROOT));
        }
        return publicCacheControl && surrogateKeys;
    }

    /** The query's parameters sorted by name (values of one name keep their order: it may matter). */
    static String normalizedQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        String[] parameters = query.split("&");
        Arrays.sort(parameters, Comparator.comparing(ResponseCacheRoute::name));
        return String.join("&", parameters);
    }

    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }
}
