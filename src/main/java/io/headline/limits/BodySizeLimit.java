package io.headline.limits;

import io.headline.common.ApiPaths;
import io.headline.common.HeadlineConfig;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over headline.limits.max-body-size with a 413 problem, in two places: a body whose
 * Content-Length is too large is refused by a route filter before a byte of it is read; a chunked body (no
 * Content-Length) is counted as Quarkus REST reads it, and refused once it passes the limit.
 *
 * <p>Quarkus's own limit (quarkus.http.limits.max-body-size) answers a bare 413 without a body, so it is left at
 * its larger default as a backstop and this lower limit answers first. Either way the connection is closed after
 * the 413, since the rest of the body is never read.
 */
@Provider
@ApplicationScoped
public class BodySizeLimit implements ReaderInterceptor {

    /** Room for a multipart form's boundaries, part headers and text fields around an upload's file. */
    static final long UPLOAD_FORM_OVERHEAD = 64 * 1024;

    /** Before Quarkus's own Content-Length check, which runs at route order -2. */
    private static final int PRIORITY = 10;

    private final long maxBytes;
    private final long maxImportBytes;
    private final long maxUploadBytes;
    private final EarlyProblems problems;
    private final CurrentVertxRequest request;

    BodySizeLimit(HeadlineConfig config, EarlyProblems problems, CurrentVertxRequest request,
            @ConfigProperty(name = "headline.media.max-size", defaultValue = "20M") MemorySize maxUpload) {
        this.maxBytes = config.limits().maxBodySize().asLongValue();
        this.maxImportBytes = config.limits().maxImportSize().asLongValue();
        // A media upload's file is bounded by the media library itself; a form around it adds a little.
        this.maxUploadBytes = maxUpload.asLongValue() + UPLOAD_FORM_OVERHEAD;
        this.problems = problems;
        this.request = request;
    }

    void register(@Observes Filters filters) {
        filters.register(this::checkContentLength, PRIORITY);
    }

    private void checkContentLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long max = maxFor(context.normalizedPath());
        if (length != null && declaredLength(length) > max) {
            context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            problems.send(context, ProblemType.TOO_LARGE, tooLarge(max));
        } else {
            context.next();
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream(), maxFor(request.getCurrent().normalizedPath())));
        return context.proceed();
    }

    /**
     * A bulk import is streamed and written in batches, never held whole: it has a bound of its own; so has a media
     * upload, streamed to a file.
     */
    private long maxFor(String path) {
        if (ApiPaths.MEDIA.equals(path)) {
            return maxUploadBytes;
        }
        return ApiPaths.IMPORT.equals(path) ? maxImportBytes : maxBytes;
    }

    private static String tooLarge(long max) {
        return "The request body is larger than the " + max + " bytes accepted.";
    }

    /** A malformed Content-Length is not this filter's to judge: Netty and Quarkus refuse it on their own. */
    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Counts the bytes read and fails the read once they pass the limit; Quarkus REST maps the failure to 413. */
    private final class Limited extends FilterInputStream {

        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) {
            if (n > 0 && (read += n) > max) {
                request.getCurrent().response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                throw new ProblemException(ProblemType.TOO_LARGE, tooLarge(max));
            }
        }
    }
}
