package io.headline.delivery;

import io.headline.common.ApiPaths;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Accept never refuses an API request (nor a feed's or sitemap's). Every operation has one representation for its
 * success (JSON, NDJSON for an export, a feed's or sitemap's own format) and one for its errors (problem+json), so
 * content negotiation has nothing to choose: an Accept that a documented response satisfies is served as it is, and one that none satisfies is disregarded, as RFC 9110
 * (section 12.5.1) allows, rather than answered 406. Generated clients send {@code Accept: application/problem+json}
 * to an operation whose only documented bodies are problems (a DELETE answering 204), and must get the 204. The
 * response cache answers its hits the same way, so what a request gets never depends on whether it was a hit.
 */
public class AcceptHeader {

    /**
     * The request property that keeps what Accept said, for the one operation that chooses a format by it (a media
     * file with format=auto picks AVIF or WebP), several headers joined as one list.
     */
    public static final String ORIGINAL = "headline.accept";

    @ServerRequestFilter(preMatching = true)
    public void disregard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/") || ApiPaths.isFeed(path)) {
            var accept = request.getHeaders().remove(HttpHeaders.ACCEPT);
            if (accept != null) {
                request.setProperty(ORIGINAL, String.join(",", accept));
            }
        }
    }
}
