package io.headline.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one signed delivery. Vert.x's client rather than java.net.http: it connects to a given address
 * ({@link RequestOptions#setServer}) while the request keeps its URL's host (Host header, TLS SNI and certificate
 * check), so the sender connects to exactly the address {@link AddressGuard} checked, without a second lookup that
 * DNS rebinding could answer differently. java.net.http resolves the name itself and refuses a Host header.
 */
@ApplicationScoped
class WebhookSender {

    static final int EXCERPT_BYTES = 1024;

    /** What came of one attempt: the receiver's status and the start of its answer, or why none came. */
    record Outcome(Integer status, long durationMs, String response, String error) {

        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final AddressGuard guard;
    private final WebhookConfig config;

    WebhookSender(Vertx vertx, AddressGuard guard, WebhookConfig config) {
        this.guard = guard;
        this.config = config;
        int timeout = (int) config.timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeout)
                .setMaxPoolSize(8).setKeepAlive(false).setVerifyHost(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Blocks the calling worker (never an event loop, never a write's thread) for at most the configured timeout. */
    Outcome send(String url, String secret, String id, long timestamp, String body) {
        long started = System.nanoTime();
        URI uri = URI.create(url);
        List<InetAddress> addresses;
        try {
            addresses = guard.resolve(uri);
        } catch (AddressGuard.Refused e) {
            return new Outcome(null, 0, null, "refused: the URL " + e.getMessage());
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        long timeout = config.timeout().toMillis();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .setServer(SocketAddress.inetSocketAddress(port, addresses.get(0).getHostAddress()))
                .setFollowRedirects(false).setTimeout(timeout)
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Headline-Webhooks/1")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.sign(secret, id, timestamp, body));
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        client.request(options).onSuccess(request -> {
            sent.set(request);
            if (result.isDone()) { // timed out before the connection came
                request.reset();
                return;
            }
            // The response's handlers are set by a listener attached before the request is sent: a listener attached
            // after could run once Vert.x had already delivered the body and its end (a fast receiver), and lose them.
            request.response().onSuccess(response -> {
                Buffer excerpt = Buffer.buffer();
                // Only the first KB is kept; the rest is read and dropped, within the timeout.
                response.handler(chunk -> {
                    int room = EXCERPT_BYTES - excerpt.length();
                    if (room > 0) {
                        excerpt.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
                    }
                });
                response.exceptionHandler(e -> result.complete(outcome(response.statusCode(), started, excerpt)));
                response.endHandler(v -> result.complete(outcome(response.statusCode(), started, excerpt)));
            }).onFailure(e -> result.complete(new Outcome(null, elapsed(started), null, describe(e))));
            request.end(Buffer.buffer(body, "UTF-8"));
        }).onFailure(e -> result.complete(new Outcome(null, elapsed(started), null, describe(e))));
        try {
            return result.get(timeout, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The whole attempt is bounded, not only each silence: a receiver that trickles its answer is cut off here,
            // and the connection closed, rather than left to hold one of the pool's connections.
            result.complete(new Outcome(null, elapsed(started), null, "timed out after " + timeout + " ms"));
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            return result.join();
        } catch (ExecutionException e) {
            return new Outcome(null, elapsed(started), null, describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, elapsed(started), null, "interrupted");
        }
    }

    private static Outcome outcome(int status, long started, Buffer excerpt) {
        String text = excerpt.length() == 0 ? null : new String(excerpt.getBytes(), StandardCharsets.UTF_8);
        return new Outcome(status, elapsed(started), text, null);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof io.netty.handler.timeout.TimeoutException || message.contains("timeout")) {
            return "timed out: " + message;
        }
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
