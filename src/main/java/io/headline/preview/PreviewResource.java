package io.headline.preview;

import io.headline.article.ArticleService;
import io.headline.article.ArticleView;
import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.headline.delivery.HttpCachingFilter;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preview", description = "Signed, expiring links that show unpublished articles without an API token.")
public class PreviewResource {

    private final ArticleService articles;
    private final PreviewSigner signer;
    private final Clock clock;

    public PreviewResource(ArticleService articles, PreviewSigner signer, Clock clock) {
        this.articles = articles;
        this.signer = signer;
        this.clock = clock;
    }

    @GET
    @Path("{token}")
    @PermitAll
    @Operation(operationId = "getPreview", summary = "Read an article through a preview link",
            description = "Any status; no API token. An altered or expired link is a 401.")
    public RestResponse<ArticleView> read(
            @Parameter(description = "The signed token of a preview link.") @PathParam("token") String token) {
        PreviewSigner.Grant grant = signer.verify(token, clock.instant())
                .orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED,
                        "This preview link is not valid or has expired; ask for a new one."));
        ArticleView article = articles.preview(grant.articleId())
                .orElseThrow(() -> ProblemException.notFound("article", grant.articleId().toString()));
        // A draft shown to whoever holds the link, only until it expires: no shared cache may keep it.
        return RestResponse.ResponseBuilder.ok(article).header(HttpHeaders.CACHE_CONTROL, HttpCachingFilter.PRIVATE).build();
    }
}
