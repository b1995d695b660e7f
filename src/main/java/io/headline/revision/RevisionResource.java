package io.headline.revision;

import io.headline.article.ArticleView;
import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.headline.common.paging.Page;
import io.headline.common.paging.PageRequest;
import io.headline.common.paging.Pages;
import io.headline.delivery.EntityTags;
import io.headline.delivery.IfMatch;
import io.headline.security.Caller;
import io.headline.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** An article's history: every create, replace, patch and restore, and restoring any of them. Editors only. */
@Path(ApiPaths.V1 + "/articles/" + ApiPaths.ID_OR_SLUG + "/revisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
@SecurityRequirement(name = "bearer")
@Tag(name = "Articles")
public class RevisionResource {

    private final RevisionService service;
    private final EntityTags etags;
    private final SecurityIdentity caller;

    public RevisionResource(RevisionService service, EntityTags etags, SecurityIdentity caller) {
        this.service = service;
        this.etags = etags;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listArticleRevisions", summary = "List an article's revisions",
            description = "Newest first, without snapshots (get one revision for its snapshot). Articles written "
                    + "before revisions were kept start their history at their next change.")
    public Page<RevisionView> list(
            @Parameter(description = "The article's id or slug.") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "Page number, from 1; page × size at most " + PageRequest.MAX_DEPTH + ".", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    defaultValue = "1"), example = "1") @QueryParam("page") String page,
            @Parameter(description = "Revisions per page, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "20"), example = "20") @QueryParam("size") String size,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.parse(page, size);
        return Pages.of(service.list(idOrSlug, request).orElseThrow(() -> ProblemException.notFound("article", idOrSlug)),
                request, uri);
    }

    @GET
    @Path("{number}")
    @Operation(operationId = "getArticleRevision", summary = "Get one revision of an article, with its snapshot",
            description = "The snapshot is the article as it was, in the ArticleInput form a PUT takes.")
    public RevisionView get(
            @Parameter(description = "The article's id or slug.") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "The revision's number.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @PathParam("number") int number) {
        return service.find(idOrSlug, number).orElseThrow(() -> notFound(idOrSlug, number));
    }

    @POST
    @Path("{number}/restore")
    @Operation(operationId = "restoreArticleRevision", summary = "Restore an article to one of its revisions",
            description = "Writes the revision's snapshot back as a full replace (PUT), which is itself a new revision. "
                    + "A snapshot naming a category or author that no longer exists is refused (422); one whose slug "
                    + "another article has taken since, too (409). With If-Match, only if the article is still as "
                    + "the caller saw it (else 412).")
    @APIResponse(responseCode = "200", description = "The article as restored.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)),
            headers = @Header(name = HttpHeaders.ETAG, required = true, description = IfMatch.WRITTEN_ETAG,
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public RestResponse<ArticleView> restore(
            @Parameter(description = "The article's id or slug.") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "The revision's number.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @PathParam("number") int number,
            @Parameter(description = IfMatch.DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ArticleView restored = service.restore(idOrSlug, number, new IfMatch(ifMatch), Caller.of(caller))
                .orElseThrow(() -> notFound(idOrSlug, number));
        return RestResponse.ResponseBuilder.ok(restored).header(HttpHeaders.ETAG, etags.of(restored)).build();
    }

    private static ProblemException notFound(String idOrSlug, int number) {
        return new ProblemException(ProblemType.NOT_FOUND,
                "No revision " + number + " of an article with id or slug '" + idOrSlug + "'.");
    }
}
