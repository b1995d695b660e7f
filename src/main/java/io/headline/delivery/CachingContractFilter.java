package io.headline.delivery;

import io.headline.common.ApiPaths;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents what {@link HttpCachingFilter} does on every GET under /api/: the conditional request headers, the
 * caching headers of the 200, the 304, and those of a 301 redirect. Kept beside the filter, by rule rather than per operation, so that the
 * contract follows the code and the feature stays in one package.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class CachingContractFilter implements OASFilter {

    private static final String HEADERS = "#/components/headers/";
    private static final String PARAMETERS = "#/components/parameters/";

    /** The caching headers of a GET, by header name; Last-Modified alone may be absent (an empty list). */
    private static final Map<String, Header> RESPONSE_HEADERS = Map.of(
            HttpHeaders.ETAG, header(true, "A strong validator of the exact response body; send it back in "
                    + "If-None-Match to revalidate.", "\"pW3nXh2xk4ZbB1y8cKJ0ag\""),
            HttpHeaders.LAST_MODIFIED, header(false, "When the newest content shown last changed (for a list, the "
                    + "newest item; absent for an empty list).", "Wed, 01 Jan 2020 00:00:00 GMT"),
            HttpHeaders.CACHE_CONTROL, header(true, "Public and briefly cacheable by default (configurable); "
                    + "`private, no-store` for a request with an Authorization header, and for a preview read and the change feed.",
                    "public, max-age=60, stale-while-revalidate=300"),
            HttpHeaders.VARY, header(true, "The request headers the response depends on.", HttpCachingFilter.VARY),
            HttpCachingFilter.SURROGATE_KEY, header(true, "Space-separated keys of the content shown, for purging a "
                    + "CDN: `article:<id>`, `author:<id>`, `category:<id>`, and for a list its collection "
                    + "(`articles`, `authors`, `categories`).", "articles article:0190... category:0190..."));

    /** The reads whose resource sends {@link HttpCachingFilter#PRIVATE} itself, whoever asks. */
    private static final Set<String> NEVER_SHARED = Set.of("getPreview", "listChanges");
    /**
     * Reads that are not JSON, which HttpCachingFilter leaves alone: an export is streamed, never hashed or kept; a
     * media file carries validators and caching of its own (immutable URLs).
     */
    private static final Set<String> NOT_CACHED = Set.of("exportContent", "getMediaFile");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        addComponents(openAPI.getComponents());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Operation get = item.getGET();
            // Feeds and sitemaps are lists, whatever their path says: validated by ETag only.
            boolean feed = ApiPaths.isFeed(path);
            if ((path.startsWith("/api/") || feed) && get != null && !NOT_CACHED.contains(get.getOperationId())) {
                document(get, path.contains("{") && !feed, !NEVER_SHARED.contains(get.getOperationId()));
            }
        });
    }

    /** {@code shared}: whether a shared cache may keep the response, and so needs its Surrogate-Key. */
    private static void document(Operation get, boolean singleResource, boolean shared) {
        get.addParameter(OASFactory.createParameter().ref(PARAMETERS + "IfNoneMatch"));
        if (singleResource) {
            get.addParameter(OASFactory.createParameter().ref(PARAMETERS + "IfModifiedSince"));
        }
        APIResponse ok = get.getResponses().getAPIResponse("200");
        RESPONSE_HEADERS.keySet().stream().sorted()
                .filter(name -> shared || !name.equals(HttpCachingFilter.SURROGATE_KEY))
                .forEach(name -> ok.addHeader(name, OASFactory.createHeader().ref(HEADERS + componentName(name))));
        get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse().ref("#/components/responses/NotModified"));
        APIResponse moved = get.getResponses().getAPIResponse("301");
        if (moved != null) {
            List.of(HttpHeaders.CACHE_CONTROL, HttpHeaders.VARY).forEach(name ->
                    moved.addHeader(name, OASFactory.createHeader().ref(HEADERS + componentName(name))));
        }
    }

    private static void addComponents(Components components) {
        APIResponse notModified = OASFactory.createAPIResponse().description("Not Modified, not an error: the "
                + "representation the client holds (If-None-Match, or If-Modified-Since for a single resource) is current; "
                + "use it. No body; the caching headers are repeated.");
        RESPONSE_HEADERS.keySet().stream().sorted().forEach(name -> {
            components.addHeader(componentName(name), RESPONSE_HEADERS.get(name));
            notModified.addHeader(name, OASFactory.createHeader().ref(HEADERS + componentName(name)));
        });
        components.addResponse("NotModified", notModified);
        components.addParameter("IfNoneMatch", OASFactory.createParameter().name(HttpHeaders.IF_NONE_MATCH)
                .in(Parameter.In.HEADER).schema(string()).description("ETags the client holds (or `*`); a match, "
                        + "compared weakly, answers 304."));
        components.addParameter("IfModifiedSince", OASFactory.createParameter().name(HttpHeaders.IF_MODIFIED_SINCE)
                .in(Parameter.In.HEADER).schema(string()).example("Wed, 01 Jan 2020 00:00:00 GMT")
                .description("An HTTP date; if nothing shown changed since, 304. Ignored when If-None-Match is sent, "
                        + "and on lists (a deletion moves no remaining item's date)."));
    }

    /** ETag → ETag, Last-Modified → LastModified: component names are identifiers. */
    private static String componentName(String headerName) {
        return headerName.replace("-", "");
    }

    private static Header header(boolean required, String description, String example) {
        return OASFactory.createHeader().required(required).description(description).schema(string()).example(example);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
