package io.headline.category;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.headline.common.json.MergePatch;
import io.headline.common.paging.Page;
import io.headline.common.paging.NamedListParams;
import io.headline.common.paging.PageRequest;
import io.headline.common.paging.Pages;
import io.headline.locale.ContentLanguage;
import io.headline.locale.LocaleChoice;
import io.headline.locale.LocaleParams;
import io.headline.locale.Locales;
import io.headline.security.Roles;
import io.vertx.core.http.HttpServerResponse;
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

@Path(ApiPaths.V1 + "/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Categories", description = "Sections that articles are filed under, as a tree.")
public class CategoryResource {

    private static final String TRANSLATION = "/translations/{locale}";
    private static final String LOCALIZED = "Names and descriptions are served in the best text along the locale "
            + "asked for and its fallbacks, else in the default locale's, which every category has: a category is "
            + "never left out for want of a translation, `fallback=none` included (`locale` says which was served).";

    private final CategoryService service;
    private final Locales locales;
    private final HttpServerResponse response;

    public CategoryResource(CategoryService service, Locales locales, HttpServerResponse response) {
        this.service = service;
        this.locales = locales;
        this.response = response;
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listCategories", summary = "List categories",
            description = "Categories by name (the default locale's) unless sorted otherwise, a page at a time. "
                    + LOCALIZED)
    public Page<CategoryView> list(@BeanParam NamedListParams params, @BeanParam LocaleParams localeParams,
            @Context UriInfo uri) {
        PageRequest page = params.pageRequest();
        LocaleChoice choice = localeParams.chooseOne(locales);
        ContentLanguage.set(response, choice.first());
        return Pages.of(service.list(params.sortSpec(), page, choice), page, uri);
    }

    @GET
    @Path(ApiPaths.ID_OR_SLUG)
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getCategory", summary = "Get a category by id or slug",
            description = "The category with its parent in compact form (id, slug, name, updatedAt). " + LOCALIZED)
    public CategoryView get(
            @Parameter(description = "The category's id or slug.") @PathParam("idOrSlug") String idOrSlug,
            @BeanParam LocaleParams localeParams) {
        CategoryView found = service.find(idOrSlug, localeParams.chooseOne(locales))
                .orElseThrow(() -> notFound(idOrSlug));
        ContentLanguage.set(response, found.locale());
        return found;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createCategory", summary = "Create a category",
            description = "The slug is generated from the name when not given; a name or slug already taken is a 409, and "
                    + "a parent that would make a cycle too.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new category.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    public RestResponse<CategoryView> create(@Valid @NotNull CategoryInput input) {
        CategoryView created = service.create(input);
        return RestResponse.ResponseBuilder.<CategoryView>created(ApiPaths.item("categories", created.id())).entity(created).build();
    }

    @PUT
    @Path(ApiPaths.ID_OR_SLUG)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "replaceCategory", summary = "Replace a category",
            description = "Full replace: omitted optional fields are cleared; an omitted slug is kept.")
    public CategoryView replace(@PathParam("idOrSlug") String idOrSlug, @Valid @NotNull CategoryInput input) {
        return service.replace(idOrSlug, input).orElseThrow(() -> notFound(idOrSlug));
    }

    @PATCH
    @Path(ApiPaths.ID_OR_SLUG)
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "patchCategory", summary = "Update a category with a JSON merge patch (RFC 7396)",
            description = "Members present are set, members set to null are cleared, absent members are kept.")
    public CategoryView patch(@PathParam("idOrSlug") String idOrSlug,
            @NotNull @Schema(implementation = CategoryInput.class) JsonNode patch) throws JsonProcessingException {
        return service.patch(idOrSlug, patch).orElseThrow(() -> notFound(idOrSlug));
    }

    @DELETE
    @Path(ApiPaths.ID_OR_SLUG)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteCategory", summary = "Delete a category",
            description = "Refused with 409 while the category holds articles or subcategories.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("idOrSlug") String idOrSlug) {
        if (!service.delete(idOrSlug)) {
            throw notFound(idOrSlug);
        }
    }

    @PUT
    @Path(ApiPaths.ID_OR_SLUG + TRANSLATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "putCategoryTranslation", summary = "Write a category's name and description in a locale",
            description = "Creates or replaces the category's text in one of the server's locales other than the "
                    + "default (whose text is the category's own): 422 for the default locale or one the server does "
                    + "not have, naming its locales; 409 for a name another category has in that locale. The slug "
                    + "is not translated. Answers the category as served in that locale.")
    public CategoryView putTranslation(@PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "The locale, a BCP 47 tag of the server's locales.", example = "de")
            @PathParam("locale") String locale, @Valid @NotNull CategoryTranslationInput input) {
        return service.translate(idOrSlug, locale, input).orElseThrow(() -> notFound(idOrSlug));
    }

    @DELETE
    @Path(ApiPaths.ID_OR_SLUG + TRANSLATION)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteCategoryTranslation", summary = "Delete a category's text in a locale",
            description = "Readers of that locale then get the next text along its fallbacks. 404 when the category "
                    + "has no text in that locale; 422 for the default locale or one the server does not have.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public void deleteTranslation(@PathParam("idOrSlug") String idOrSlug, @PathParam("locale") String locale) {
        if (!service.untranslate(idOrSlug, locale)) {
            throw notFound(idOrSlug);
        }
    }

    @GET
    @Path(ApiPaths.ID_OR_SLUG + "/translations")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listCategoryTranslations", summary = "List a category's translations",
            description = "The category's name and description in each locale other than the default that it has "
                    + "one in, in the order of the server's locales.")
    public Page<CategoryTranslationView> translations(@PathParam("idOrSlug") String idOrSlug, @Context UriInfo uri) {
        return Pages.whole(service.translations(idOrSlug).orElseThrow(() -> notFound(idOrSlug)), uri);
    }

    private static ProblemException notFound(String idOrSlug) {
        return ProblemException.notFound("category", idOrSlug);
    }
}
