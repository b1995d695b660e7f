package io.headline.media;

import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.headline.common.net.PublicAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches a file to import by its URL, with the webhooks' SSRF guard: only public addresses (unless the operator
 * allows private ones), connected to by the address that was checked; no redirects followed (the problem names where
 * it leads, for the caller to check and send); the whole fetch bounded in time and in bytes.
 */
final class MediaFetcher implements AutoCloseable {

    /** What was fetched: a temporary file and a name from the URL's path (its type is left to the bytes). */
    record Fetched(Path file, String name) {
    }

    private final HttpClient client;
    private final boolean allowPrivate;
    private final Duration timeout;
    private final long maxBytes;

    MediaFetcher(Vertx vertx, boolean allowPrivate, Duration timeout, long maxBytes) {
        this.allowPrivate = allowPrivate;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(false).setVerifyHost(true).setMaxPoolSize(4));
    }

    @Override
    public void close() {
        client.close();
    }

    /** Blocks the calling worker for at most the timeout; the caller deletes the file. */
    Fetched fetch(String url, Path directory) throws IOException {
        URI uri = parse(url);
        List<InetAddress> addresses;
        try {
            addresses = PublicAddresses.resolve(uri, allowPrivate, "media imports");
        } catch (PublicAddresses.Refused e) {
            throw ProblemException.invalidField("url", e.getMessage());
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                .setServer(SocketAddress.inetSocketAddress(port, addresses.get(0).getHostAddress()))
                .setFollowRedirects(false).setTimeout(timeout.toMillis())
                .putHeader("user-agent", "Headline-Media/1").putHeader("accept", "image/*, application/pdf");
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "fetch-", ".tmp");
        OutputStream out = Files.newOutputStream(file);
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        AtomicLong received = new AtomicLong();
        client.request(options).onSuccess(request -> {
            sent.set(request);
            request.response().onSuccess(response -> {
                // Set first: a reset below fails the response, which is then already answered.
                response.exceptionHandler(done::completeExceptionally);
                if (response.statusCode() / 100 == 3) {
                    done.completeExceptionally(ProblemException.invalidField("url", "redirects (" + response.statusCode()
                            + ") to " + response.getHeader("location") + "; send that URL if it is the file"));
                    request.reset();
                    return;
                }
                if (response.statusCode() != 200) {
                    done.completeExceptionally(ProblemException.invalidField("url", "answered " + response.statusCode()));
                    request.reset();
                    return;
                }
                response.handler(chunk -> {
                    if (received.addAndGet(chunk.length()) > maxBytes) {
                        done.completeExceptionally(new ProblemException(ProblemType.TOO_LARGE,
                                "The file at the URL is larger than the " + maxBytes + " bytes accepted."));
                        request.reset();
                        return;
                    }
                    try {
                        out.write(chunk.getBytes());
                    } catch (IOException e) {
                        done.completeExceptionally(new UncheckedIOException(e));
                        request.reset();
                    }
                });
                response.endHandler(v -> done.complete(null));
            }).onFailure(done::completeExceptionally);
            request.end();
        }).onFailure(done::completeExceptionally);
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            out.close();
            return new Fetched(file, name(uri));
        } catch (TimeoutException e) {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            throw failed(file, out, ProblemException.invalidField("url", "did not answer within " + timeout.toSeconds() + " s"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw failed(file, out, cause instanceof ProblemException p ? p
                    : ProblemException.invalidField("url", "could not be fetched: " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(file, out, ProblemException.unavailable("Interrupted while fetching.", 5));
        }
    }

    private static ProblemException failed(Path file, OutputStream out, ProblemException problem) throws IOException {
        out.close();
        Files.deleteIfExists(file);
        return problem;
    }

    private static URI parse(String url) {
        try {
            if (url == null || url.length() > 2048) {
                throw new URISyntaxException(String.valueOf(url), "missing or longer than 2048 characters");
            }
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                throw new URISyntaxException(url, "no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("url", "must be an absolute http or https URL");
        }
    }

    /** The last path segment, if it makes a file name the library keeps; else "upload". */
    private static String name(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            return last.isEmpty() ? "upload" : UploadReader.checkedName(java.net.URLDecoder.decode(last,
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (ProblemException | IllegalArgumentException e) {
            return "upload";
        }
    }

}
