package io.headline.limits;

import io.headline.common.ApiPaths;
import io.headline.common.error.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the limits on every operation under /api/: the RateLimit headers on each response, 429 everywhere and
 * 413 where there is a request body. Runs after the other contract filters (lower priority runs later), so that the
 * responses they add (304, the problem responses) get the headers too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 0)
public class LimitsContractFilter implements OASFilter {

    private static final String HEADERS = "#/components/headers/";
    private static final String RESPONSES = "#/components/responses/";

    private static final Map<String, Header> RATE_LIMIT_HEADERS = Map.of(
            RateLimitFilter.POLICY_HEADER, header("The caller's quota (draft-ietf-httpapi-ratelimit-headers): its "
                    + "name and `q` requests per `w` seconds. `anonymous` is counted per client address; `content` per "
                    + "content key and client address, since the key is public and anyone may use it; `token` (or a "
                    + "role's own quota) per secret API token. So no caller can use up another's quota.",
                    "\"anonymous\";q=600;w=60"),
            RateLimitFilter.STATE_HEADER, header("What is left of the quota: `r` requests, and `t` seconds until it is "
                    + "whole again (requests come back gradually over the window).", "\"anonymous\";r=599;t=1"));

    /**
     * The operations whose responses may read article bodies in bulk (a single article with a large body counts),
     * a few at a time (see BodyReads).
     */
    private static final Set<String> BODY_READS = Set.of("listArticles", "search", "getArticle");
    /** The operations that render an article's body, large ones a few at a time (see MarkdownRenderer). */
    private static final Set<String> RENDERS = Set.of("createArticle", "replaceArticle", "patchArticle", "publishArticle",
            "scheduleArticle", "unpublishArticle", "archiveArticle", "restoreArticleRevision");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Components components = openAPI.getComponents();
        // Sorted: Map.of iterates in an order that changes from run to run, and the contract must not.
        RATE_LIMIT_HEADERS.keySet().stream().sorted()
                .forEach(name -> components.addHeader(componentName(name), RATE_LIMIT_HEADERS.get(name)));
        components.addHeader("RetryAfter", header("Seconds to wait before retrying.", "7"));
        components.addResponse("TooLarge", problem("The request body is larger than the server accepts (1 MiB by "
                + "default)."));
        components.addResponse("TooManyRequests", problem("The caller has used its quota; retry after `Retry-After` "
                + "seconds.").addHeader("Retry-After", ref("RetryAfter")));
        components.addResponse("Busy", problem("Too many responses that carry article bodies in bulk are being "
                + "sent at once (headline.limits.body-reads); retry after `Retry-After` seconds.")
                .addHeader("Retry-After", ref("RetryAfter")));
        components.addResponse("RenderBusy", problem("Too many large bodies (64 KiB or more) are being rendered at "
                + "once (one per core; a write waits up to 10 s for its turn); retry after `Retry-After` seconds.")
                .addHeader("Retry-After", ref("RetryAfter")));
        components.addResponse("TransformBusy", problem("Every image transform is busy (headline.media.transforms, one "
                + "per core; an upload's image is measured by one too) past headline.media.transform-wait, or the "
                + "image could not be made now; retry after "
                + "`Retry-After` seconds.").addHeader("Retry-After", ref("RetryAfter")));
        components.getResponses().values().forEach(LimitsContractFilter::addRateLimitHeaders);

        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") || ApiPaths.isFeed(path)) {
                item.getOperations().values().forEach(operation -> document(operation,
                        path.startsWith(ApiPaths.FEEDS + "/")));
            }
        });
    }

    /** {@code feed}: a feed, which reads its articles' bodies under a body-read permit (a sitemap reads none). */
    private static void document(Operation operation, boolean feed) {
        if (operation.getRequestBody() != null) {
            operation.getResponses().addAPIResponse("413", OASFactory.createAPIResponse().ref(RESPONSES + "TooLarge"));
        }
        operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse().ref(RESPONSES + "TooManyRequests"));
        if (feed || BODY_READS.contains(operation.getOperationId())) {
            operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse().ref(RESPONSES + "Busy"));
        }
        if ("getMediaFile".equals(operation.getOperationId()) || "uploadMedia".equals(operation.getOperationId())) {
            operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse().ref(RESPONSES + "TransformBusy"));
        }
        if (RENDERS.contains(operation.getOperationId())) {
            operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse().ref(RESPONSES + "RenderBusy"));
        }
        // A reference's siblings are ignored in OpenAPI 3.0: shared responses got the headers among the components.
        operation.getResponses().getAPIResponses().values().stream()
                .filter(response -> response.getRef() == null)
                .forEach(LimitsContractFilter::addRateLimitHeaders);
    }

    private static void addRateLimitHeaders(APIResponse response) {
        RATE_LIMIT_HEADERS.keySet().stream().sorted().forEach(name -> response.addHeader(name, ref(componentName(name))));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }

    /** RateLimit-Policy → RateLimitPolicy: component names are identifiers. */
    private static String componentName(String headerName) {
        return headerName.replace("-", "");
    }

    private static Header ref(String component) {
        return OASFactory.createHeader().ref(HEADERS + component);
    }

    private static Header header(String description, String example) {
        return OASFactory.createHeader().required(true).description(description).example(example)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
