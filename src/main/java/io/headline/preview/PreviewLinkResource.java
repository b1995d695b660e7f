package io.headline.preview;

import io.headline.article.ArticleService;
import io.headline.common.ApiPaths;
import io.headline.common.HeadlineConfig;
import io.headline.common.error.ProblemException;
import io.headline.security.Caller;
import io.headline.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.V1 + "/articles/{idOrSlug}/preview-link")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preview")
public class PreviewLinkResource {

    private final ArticleService articles;
    private final PreviewSigner signer;
    private final Clock clock;
    private final Duration validity;
    private final SecurityIdentity caller;

    public PreviewLinkResource(ArticleService articles, PreviewSigner signer, Clock clock, HeadlineConfig config,
            SecurityIdentity caller) {
        this.articles = articles;
        this.caller = caller;
        this.signer = signer;
        this.clock = clock;
        this.validity = Duration.ofMinutes(config.preview().validMinutes());
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createPreviewLink", summary = "Mint a preview link for an article",
            description = "Signed with HMAC-SHA256 and valid for a configured time (default 60 minutes). An author token "
                    + "mints links only for its own drafts, as it may edit only those (403 otherwise).")
    public PreviewLink create(@Parameter(description = "The article's id or slug.") @PathParam("idOrSlug") String idOrSlug) {
        UUID articleId = articles.editableId(idOrSlug, Caller.of(caller))
                .orElseThrow(() -> ProblemException.notFound("article", idOrSlug));
        Instant expiresAt = clock.instant().plus(validity).truncatedTo(ChronoUnit.SECONDS);
        String token = signer.sign(new PreviewSigner.Grant(articleId, expiresAt));
        return new PreviewLink(ApiPaths.V1 + "/preview/" + token, token, expiresAt);
    }

}
