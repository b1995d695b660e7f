package io.headline.media;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

/**
 * Sends a stored file of a public media straight from the event loop, with sendfile: no worker thread, no database
 * query, no copy through the heap. Only when everything is known: an anonymous GET or HEAD of a media that
 * {@link PublicFiles} holds as public, at its current version, whose rendition is already on this machine's disk.
 * Anything else (a first request, a token, a bad parameter, an unknown media) goes on to {@link MediaResource}, which
 * answers it fully and teaches {@link PublicFiles}.
 */
@ApplicationScoped
class MediaFileRoute {

    /** With the response cache's route: after compression is decided, before Quarkus REST. */
    private static final int ORDER = RouteConstants.ROUTE_ORDER_COMPRESSION + 1;
    private static final Set<String> PARAMETERS = Set.of("w", "h", "fit", "format", "q");

    private final PublicFiles publicFiles;
    private final MediaService service;
    private final Counter sent;

    MediaFileRoute(PublicFiles publicFiles, MediaService service, MeterRegistry registry) {
        this.publicFiles = publicFiles;
        this.service = service;
        this.sent = Counter.builder("headline.media.files.direct")
                .description("Media files answered from the event loop, without a worker or a query (304s included)")
                .register(registry);
    }

    void register(@Observes Router router) {
        router.get("/api/v1/media/:id/:file").order(ORDER).handler(this::handle);
        router.head("/api/v1/media/:id/:file").order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        Path file = null;
        MediaService.Sendable sendable = null;
        try {
            sendable = sendable(context);
            file = sendable == null ? null : sendable.file();
        } catch (RuntimeException e) {
            sendable = null; // a bad parameter or path: the resource answers it
        }
        if (sendable == null || !Files.isRegularFile(file)) {
            context.next();
            return;
        }
        sent.increment();
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaders.ETAG, sendable.etag())
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, " + MediaResource.IMMUTABLE)
                .putHeader("Content-Security-Policy", MediaResource.CSP)
                .putHeader("X-Content-Type-Options", "nosniff");
        if (sendable.variesByAccept()) {
            response.putHeader(HttpHeaders.VARY, "Accept");
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && MediaService.FileRequest.matches(ifNoneMatch, sendable.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, sendable.contentType());
        if (request.method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(file.toFile().length())).end();
        } else {
            response.sendFile(file.toString());
        }
    }

    private MediaService.Sendable sendable(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.headers().contains(HttpHeaders.AUTHORIZATION)
                || !PARAMETERS.containsAll(context.queryParams().names())) {
            return null;
        }
        UUID id = UUID.fromString(context.pathParam("id"));
        PublicFiles.Entry entry = publicFiles.find(id);
        String name = context.pathParam("file");
        int dot = name.indexOf('.');
        if (entry == null || !entry.fileVersion().equals(dot < 0 ? name : name.substring(0, dot))) {
            return null;
        }
        String accept = String.join(",", request.headers().getAll(HttpHeaders.ACCEPT));
        var query = context.queryParams();
        return service.sendable(entry, query.get("w"), query.get("h"), query.get("fit"), query.get("format"), query.get("q"),
                accept);
    }
}
