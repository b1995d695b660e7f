package io.headline.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.headline.delivery.EntityTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
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
 * Sends a stored file of a public media straight from the event loop: no worker thread, no database query; a small
 * file from memory, a large one with sendfile. Only when everything is known: an anonymous GET or HEAD of a media that
 * {@link PublicFiles} holds as public, at its current version, whose rendition is already on this machine's disk.
 * Anything else (a first request, a token, a bad parameter, an unknown media) goes on to {@link MediaResource}, which
 * answers it fully and teaches {@link PublicFiles}.
 */
@ApplicationScoped
class MediaFileRoute {

    /** With the response cache's route: after compression is decided, before Quarkus REST. */
    private static final int ORDER = RouteConstants.ROUTE_ORDER_COMPRESSION + 1;
    private static final Set<String> PARAMETERS = Set.of("w", "h", "fit", "format", "q");
    /** Larger files are sent with sendfile, never held. */
    static final long MAX_KEPT = 512 * 1024;

    private final PublicFiles publicFiles;
    private final MediaService service;
    private final Counter sent;
    /**
     * Small files (renditions for srcset are mostly a few to a few hundred KB) kept in memory, bounded by
     * headline.media.memory-cache: sending them costs no open, stat or read. Files never change under their name
     * (the version is in it), so a kept copy is never stale; a deleted media is forgotten by {@link PublicFiles} first.
     */
    private final Cache<Path, byte[]> hot;

    MediaFileRoute(PublicFiles publicFiles, MediaService service, MeterRegistry registry, MediaConfig config) {
        this.hot = Caffeine.newBuilder().maximumWeight(config.memoryCache().asLongValue())
                .weigher((Path path, byte[] bytes) -> bytes.length + 100).build();
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
        MediaService.Sendable sendable;
        try {
            sendable = sendable(context);
        } catch (RuntimeException e) {
            sendable = null; // a bad parameter or path: the resource answers it
        }
        byte[] kept = sendable == null ? null : hot.getIfPresent(sendable.file());
        if (sendable == null || kept == null && !Files.isRegularFile(sendable.file())) {
            context.next();
            return;
        }
        sent.increment();
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        MediaResource.fileHeaders(sendable.etag(), true, sendable.variesByAccept()).forEach(response::putHeader);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (EntityTags.noneMatch(ifNoneMatch, sendable.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, sendable.contentType());
        Path file = sendable.file();
        if (kept != null) {
            send(response, request, Buffer.buffer(Unpooled.wrappedBuffer(kept).asReadOnly()));
        } else if (file.toFile().length() <= MAX_KEPT) {
            context.vertx().fileSystem().readFile(file.toString()).onSuccess(bytes -> {
                hot.put(file, bytes.getBytes());
                send(response, request, bytes);
            }).onFailure(context::fail);
        } else if (request.method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(file.toFile().length())).end();
        } else {
            response.sendFile(file.toString());
        }
    }

    private static void send(HttpServerResponse response, HttpServerRequest request, Buffer bytes) {
        if (request.method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(bytes.length())).end();
        } else {
            response.end(bytes);
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
