package io.headline.author;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.headline.common.json.MergePatch;
import io.headline.common.paging.Page;
import io.headline.common.paging.NamedListParams;
import io.headline.common.paging.PageRequest;
import io.headline.common.paging.Pages;
import io.headline.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/authors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authors", description = "People and desks credited on articles.")
public class AuthorResource {

    private final AuthorService service;
    private final SecurityIdentity caller;

    public AuthorResource(AuthorService service, SecurityIdentity caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listAuthors", summary = "List authors", description = "Authors by name unless sorted otherwise, a page at a time.")
    public Page<AuthorView> list(@BeanParam NamedListParams params, @Context UriInfo uri) {
        PageRequest page = params.pageRequest();
        return Pages.of(service.list(params.sortSpec(), page, Roles.seesEmails(caller)), page, uri);
    }

    @GET
    @Path(ApiPaths.ID_OR_SLUG)
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getAuthor", summary = "Get an author by id or slug",
            description = "The author's email is private: it is returned only to admin and editor tokens.")
    public AuthorView get(@Parameter(description = "The author's id or slug.") @PathParam("idOrSlug") String idOrSlug) {
        return service.find(idOrSlug, Roles.seesEmails(caller)).orElseThrow(() -> notFound(idOrSlug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createAuthor", summary = "Create an author",
            description = "The slug is generated from the name when not given; a slug already taken is a 409.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new author.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class)))
    public RestResponse<AuthorView> create(@Valid @NotNull AuthorInput input) {
        AuthorView created = service.create(input);
        return RestResponse.ResponseBuilder.<AuthorView>created(ApiPaths.item("authors", created.id())).entity(created).build();
    }

    @PUT
    @Path(ApiPaths.ID_OR_SLUG)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "replaceAuthor", summary = "Replace an author",
            description = "Full replace: omitted optional fields are cleared; an omitted slug is kept.")
    public AuthorView replace(@PathParam("idOrSlug") String idOrSlug, @Valid @NotNull AuthorInput input) {
        return service.replace(idOrSlug, input).orElseThrow(() -> notFound(idOrSlug));
    }

    @PATCH
    @Path(ApiPaths.ID_OR_SLUG)
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "patchAuthor", summary = "Update an author with a JSON merge patch (RFC 7396)",
            description = "Members present are set, members set to null are cleared, absent members are kept.")
    public AuthorView patch(@PathParam("idOrSlug") String idOrSlug,
            @NotNull @Schema(implementation = AuthorInput.class) JsonNode patch) throws JsonProcessingException {
        return service.patch(idOrSlug, patch).orElseThrow(() -> notFound(idOrSlug));
    }

    @DELETE
    @Path(ApiPaths.ID_OR_SLUG)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteAuthor", summary = "Delete an author",
            description = "Refused with 409 while any article credits the author.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("idOrSlug") String idOrSlug) {
        if (!service.delete(idOrSlug)) {
            throw notFound(idOrSlug);
        }
    }

    private static ProblemException notFound(String idOrSlug) {
        return ProblemException.notFound("author", idOrSlug);
    }
}
