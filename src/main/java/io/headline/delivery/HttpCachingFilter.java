package io.headline.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.locale.Locales;
import io.headline.common.HeadlineConfig;
import io.headline.common.paging.Page;
import io.headline.limits.PendingSends;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;

/**
 * HTTP caching for every successful read: a strong ETag, Last-Modified, Cache-Control, Vary and Surrogate-Key,
 * and 304 Not Modified when a conditional GET matches.
 *
 * <p>The entity is serialized here, once, and passed on as bytes (a {@link PreparedBody}, a feed or a sitemap, comes
 * as bytes already), so the ETag is the hash of exactly what is sent: two responses share an ETag only when they are byte for byte the same. It stays the same when the body
 * then goes out compressed; strictly a strong validator names one encoding, but no range requests are served,
 * and caches keep encodings apart by Vary: Accept-Encoding.
 *
 * <p>Application-scoped so that it is created on first use: the runtime configuration it reads is not yet there
 * when Quarkus REST sets up its filters.
 */
@Provider
@ApplicationScoped
public class HttpCachingFilter implements ContainerResponseFilter {

    /**
     * Accept-Encoding: the same response goes out gzip- or brotli-compressed or not. Authorization: an admin sees
     * drafts and emails, and a shared cache may reuse a stored "public" response for a request with credentials
     * (RFC 9111 §3.5), so it must key on it. Origin: Quarkus CORS echoes the request's Origin in
     * Access-Control-Allow-Origin (answering "*" instead is refused when Quarkus Security is present), so a copy
     * stored for one site must not be served to another; a CDN can normalise Origin to limit the variants.
     */
    static final String VARY = "Accept-Encoding, Authorization, Origin";
    /**
     * What a caller with a token sees may be private (drafts, emails), and is never stored. A resource whose
     * responses no shared cache may keep, whoever asks (a preview link's draft), sets this itself.
     */
    public static final String PRIVATE = "private, no-store";
    static final String SURROGATE_KEY = "Surrogate-Key";

    private final ObjectMapper mapper;
    private final String publicCacheControl;
    private final CurrentVertxRequest current;
    private final PendingSends sends;

    private final String vary;

    public HttpCachingFilter(ObjectMapper mapper, HeadlineConfig config, CurrentVertxRequest current,
            PendingSends sends, Locales locales) {
        // With several locales, a read without ?locale= serves the one Accept-Language chooses.
        this.vary = locales.multiple() ? VARY + ", " + HttpHeaders.ACCEPT_LANGUAGE : VARY;
        this.mapper = mapper;
        this.publicCacheControl = config.cache().publicCacheControl();
        this.current = current;
        this.sends = sends;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (isRead(request) && response.getStatus() == Response.Status.MOVED_PERMANENTLY.getStatusCode()) {
            // A redirect is cached like the content it leads to: browsers keep an unqualified 301 for good, and an
            // article may take its old slug back.
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl(request));
            response.getHeaders().putSingle(HttpHeaders.VARY, vary);
            return;
        }
        if (!isRead(request) || response.getStatus() != Response.Status.OK.getStatusCode() || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        PreparedBody prepared = entity instanceof PreparedBody p ? p : null;
        if (prepared == null && !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        byte[] body = prepared != null ? prepared.bytes() : mapper.writeValueAsBytes(entity);
        Dependencies dependencies = prepared != null ? prepared.dependencies() : Dependencies.of(entity, collectionOf(request));
        Validators validators = Validators.of(body, dependencies.lastModified());
        // A prepared body (a feed, a sitemap) is a list: it is validated by its ETag only, as a Page is.
        boolean list = prepared != null || entity instanceof Page<?>;

        MultivaluedMap<String, Object> headers = response.getHeaders();
        // Nor may a shared cache be told which content a never-shared response shows (Surrogate-Key), or a CDN
        // would go on serving a preview's draft after its link expired.
        boolean neverShared = PRIVATE.equals(response.getHeaderString(HttpHeaders.CACHE_CONTROL));
        headers.putSingle(HttpHeaders.ETAG, validators.etag());
        validators.lastModifiedHeader().ifPresent(date -> headers.putSingle(HttpHeaders.LAST_MODIFIED, date));
        headers.putSingle(HttpHeaders.CACHE_CONTROL, neverShared ? PRIVATE : cacheControl(request));
        headers.putSingle(HttpHeaders.VARY, vary);
        if (!dependencies.surrogateKeys().isEmpty() && !neverShared) {
            headers.putSingle(SURROGATE_KEY, String.join(" ", dependencies.surrogateKeys()));
        }

        RoutingContext context = current.getCurrent();
        if (context != null && context.get(ResponseCacheRoute.CANDIDATE) != null) {
            context.put(ResponseCacheRoute.CAPTURED, new ResponseCacheRoute.Captured(body, validators, list,
                    dependencies.surrogateKeys()));
        }
        if (notModified(request, validators, list)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null, null, null);
        } else {
            if (!HttpMethod.HEAD.equals(request.getMethod())) {
                sends.admit(body.length);
            }
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        }
    }

    /**
     * If-None-Match, when present, decides alone (RFC 9110 §13.2.2). If-Modified-Since is honoured only for a
     * single resource: a list's Last-Modified is the newest of its items, and deleting an item (or one leaving the
     * list, e.g. unpublished) moves no remaining item's updatedAt, so an unchanged date does not mean an unchanged
     * list. Lists are validated by ETag only.
     */
    private static boolean notModified(ContainerRequestContext request, Validators validators, boolean list) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return validators.matchesAny(ifNoneMatch);
        }
        String ifModifiedSince = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        return !list && ifModifiedSince != null && validators.unmodifiedSince(ifModifiedSince);
    }

    private String cacheControl(ContainerRequestContext request) {
        return request.getHeaderString(HttpHeaders.AUTHORIZATION) != null ? PRIVATE : publicCacheControl;
    }

    /** HEAD is answered by the GET method, and must carry the same headers. */
    private static boolean isRead(ContainerRequestContext request) {
        return HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
    }

    /** A list is GET /api/v1/{collection}, so its last path segment names the collection: articles, authors, ... */
    private static String collectionOf(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
