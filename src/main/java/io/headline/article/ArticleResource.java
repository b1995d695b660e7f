package io.headline.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.headline.common.json.MergePatch;
import io.headline.common.paging.Page;
import io.headline.common.paging.PageRequest;
import io.headline.common.paging.Pages;
import io.headline.common.query.CommaList;
import io.headline.common.query.Slice;
import io.headline.delivery.EntityTags;
import io.headline.delivery.IfMatch;
import io.headline.limits.BodyReads;
import io.headline.security.Caller;
import io.headline.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.headline.locale.ContentLanguage;
import io.headline.locale.LocaleChoice;
import io.headline.locale.LocaleParams;
import io.headline.locale.Locales;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(ApiPaths.V1 + "/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "The content itself: news, features, posts.")
public class ArticleResource {

    private static final String IF_MATCH_RULE = "With If-Match, the write happens only if the article is still as the caller "
            + "saw it (else 412: GET it again); without it, the write proceeds regardless.";

    private final ArticleService service;
    /** A single article with more body text than this takes a body-read permit while it is sent (see BodyReads). */
    private static final long LARGE_BODY = 256 * 1024;

    private final EntityTags etags;
    private final SecurityIdentity caller;
    private final BodyReads bodyReads;

    private final Locales locales;
    private final HttpServerResponse response;

    public ArticleResource(ArticleService service, EntityTags etags, SecurityIdentity caller, BodyReads bodyReads,
            Locales locales, HttpServerResponse response) {
        this.locales = locales;
        this.response = response;
        this.service = service;
        this.etags = etags;
        this.caller = caller;
        this.bodyReads = bodyReads;
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listArticles", summary = "List articles",
            description = "Articles newest first (by publishedAt) unless sorted otherwise, filtered, a page at a time, "
                    + "without their bodies unless `fields` names `body`. The public sees published articles only. "
                    + "Every page carries `meta.nextCursor` and `links.next` to continue the same query.")
    public Page<ArticleView> list(@BeanParam ArticleListParams params, @Context UriInfo uri) {
        ArticleListRequest request = ArticleListRequest.parse(params, Roles.seesUnpublished(caller),
                Roles.seesEmails(caller), locales);
        ContentLanguage.set(response, request.filter().locales().first());
        Slice<ArticleView> found = request.readsBodies() ? bodyReads.run(() -> service.list(request))
                : request.scansBodies() ? bodyReads.run(request.scannedBytes(), () -> service.list(request))
                : service.list(request);
        return Pages.of(found, request.page(), uri);
    }

    @GET
    @Path(ApiPaths.ID_OR_SLUG)
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getArticle", summary = "Get an article by id or slug",
            description = "Unpublished articles answer 404 unless the caller may see them. A slug the article had "
                    + "before answers 301 with its current address.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "301", description = "Moved Permanently, not an error: the slug is one the article "
            + "had before. Location gives its current address, with the same query string; follow it (clients that follow "
            + "redirects do so unasked) and keep the new slug.", headers = @Header(
            name = HttpHeaders.LOCATION, required = true, description = "The article's current address.",
            schema = @Schema(type = SchemaType.STRING, examples = "/api/v1/articles/extraction-sequel-in-the-works")))
    public RestResponse<ArticleView> get(
            @Parameter(description = "The article's id or slug.") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "Comma-separated members to return; `id` is always returned. "
                    + "Same names as on the list.",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, enumeration = {"id", "slug", "locale", "translations",
                            "title", "subtitle", "excerpt", "body", "bodyHtml", "bodyText", "wordCount",
                            "readingTimeMinutes", "status", "featured", "publishedAt", "category", "authors", "tags",
                            "featureImageUrl", "featureImage", "createdAt", "updatedAt", "version", "seo", "snippet"}),
                    example = "id,slug,title,body") @QueryParam("fields") List<String> fields,
            @BeanParam LocaleParams localeParams,
            @Parameter(description = "Relations to return as full objects: authors, category.",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class,
                    enumeration = {"authors", "category"}), example = "authors") @QueryParam("include") List<String> include,
            @Parameter(description = "Body forms to return: markdown (`body`), html (`bodyHtml`), plaintext (`bodyText`); "
                    + "default markdown and html.",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class,
                    enumeration = {"markdown", "html", "plaintext"}), example = "html")
            @QueryParam("formats") List<String> formats,
            @Context UriInfo uri) {
        ArticleShape shape = ArticleShape.parse(CommaList.join(fields), CommaList.join(include), CommaList.join(formats),
                ArticleShape.ITEM_FIELDS,
                Roles.seesEmails(caller), null);
        boolean seesUnpublished = Roles.seesUnpublished(caller);
        LocaleChoice choice = localeParams.choose(locales, seesUnpublished);
        Optional<ArticleService.Found> found = service.find(idOrSlug, seesUnpublished, shape, choice);
        String current;
        String servedLocale = null;
        if (found.isPresent() && found.get().view() != null) {
            ArticleView view = found.get().view();
            if (bodyCharacters(view) > LARGE_BODY) {
                bodyReads.hold();
            }
            ContentLanguage.set(response, found.get().locale());
            return RestResponse.ok(view);
        } else if (found.isPresent()) {
            current = found.get().movedTo();
            servedLocale = found.get().locale();
        } else {
            current = service.currentSlug(idOrSlug, seesUnpublished, choice).orElseThrow(() -> notFound(idOrSlug));
        }
        // Relative, like links.next, so that it survives proxies. A translation moved to is named by its locale too:
        // its slug may be another article's in a locale the request's chain ranks first.
        String query = (servedLocale == null ? uri.getRequestUriBuilder()
                : uri.getRequestUriBuilder().replaceQueryParam("locale", servedLocale)).build().getRawQuery();
        return RestResponse.ResponseBuilder.<ArticleView>create(RestResponse.Status.MOVED_PERMANENTLY)
                .header(HttpHeaders.LOCATION, ApiPaths.V1 + "/articles/" + current + (query == null ? "" : "?" + query))
                .build();
    }

    @GET
    @Path(ApiPaths.ID_OR_SLUG + "/related")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listRelatedArticles", summary = "List articles related to an article",
            description = "Other articles ranked by what they share with this one: its category, tags and authors; "
                    + "newer first on ties. In the article's own locale (and its fallbacks), unless `locale` (or "
                    + "Accept-Language) asks for another: then of its best translation along that locale's chain, each "
                    + "related article in its best translation too.")
    public Page<ArticleView> related(
            @Parameter(description = "The article's id or slug.") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "How many related articles, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "5"), example = "5") @QueryParam("size") String size,
            @BeanParam LocaleParams localeParams, @Context UriInfo uri) {
        PageRequest page = PageRequest.parse(null, size == null ? "5" : size);
        boolean seesUnpublished = Roles.seesUnpublished(caller);
        LocaleChoice choice = localeParams.choose(locales, seesUnpublished);
        List<ArticleView> related = service.related(idOrSlug, page.size(), seesUnpublished, choice)
                .orElseThrow(() -> notFound(idOrSlug));
        if (choice.stated() && !choice.all()) {
            ContentLanguage.set(response, choice.first());
        }
        return Pages.of(new Slice<>(related, null, null), page, uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createArticle", summary = "Create an article",
            description = "A draft unless `status` says otherwise; the slug is generated from the title when not given. "
                    + "The category and authors are named by id or slug. An author token writes drafts as its own author.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new article.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)),
            headers = @Header(name = HttpHeaders.ETAG, required = true, description = IfMatch.WRITTEN_ETAG,
                    schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<ArticleView> create(@Valid @NotNull ArticleInput input) {
        return created(service.create(input, Caller.of(caller)));
    }

    @POST
    @Path(ApiPaths.ID_OR_SLUG + "/translations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createArticleTranslation", summary = "Translate an article into another locale",
            description = "A new translation, with its own slug, status and publication, sharing the article's "
                    + "category, authors, tags, feature image and `featured`. A locale the article already has a "
                    + "translation in is 409; a locale the server does not have is 422, naming the ones it has. Each "
                    + "translation is then read, written, published and deleted on its own, by its id or slug.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new translation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)),
            headers = @Header(name = HttpHeaders.ETAG, required = true, description = IfMatch.WRITTEN_ETAG,
                    schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<ArticleView> translate(@PathParam("idOrSlug") String idOrSlug,
            @Valid @NotNull TranslationInput input) {
        return created(service.translate(idOrSlug, input, Caller.of(caller)).orElseThrow(() -> notFound(idOrSlug)));
    }

    @GET
    @Path(ApiPaths.ID_OR_SLUG + "/translations")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listArticleTranslations", summary = "List an article's translations",
            description = "Every translation of the article the caller may see (the public: the published ones), in "
                    + "the order of the server's locales, as list items.")
    public Page<ArticleView> translations(
            @Parameter(description = "The id or slug of any of the article's translations.") @PathParam("idOrSlug")
            String idOrSlug, @Context UriInfo uri) {
        boolean seesUnpublished = Roles.seesUnpublished(caller);
        List<ArticleView> found = service.translations(idOrSlug, seesUnpublished, ArticleShape.parse(null, null,
                ArticleShape.LIST_FIELDS, Roles.seesEmails(caller))).orElseThrow(() -> notFound(idOrSlug));
        return Pages.whole(found, uri);
    }

    @PUT
    @Path(ApiPaths.ID_OR_SLUG)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "replaceArticle", summary = "Replace an article",
            description = "Full replace: omitted optional fields are cleared; an omitted slug is kept. " + IF_MATCH_RULE)
    @APIResponse(responseCode = "200", description = "The article as written.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)),
            headers = @Header(name = HttpHeaders.ETAG, required = true, description = IfMatch.WRITTEN_ETAG,
                    schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<ArticleView> replace(@PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IfMatch.DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ArticleInput input) {
        return tagged(service.replace(idOrSlug, input, new IfMatch(ifMatch), Caller.of(caller))
                .orElseThrow(() -> notFound(idOrSlug)));
    }

    @PATCH
    @Path(ApiPaths.ID_OR_SLUG)
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "patchArticle", summary = "Update an article with a JSON merge patch (RFC 7396)",
            description = "Members present are set, members set to null are cleared, absent members are kept. "
                    + IF_MATCH_RULE)
    @APIResponse(responseCode = "200", description = "The article as written.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)),
            headers = @Header(name = HttpHeaders.ETAG, required = true, description = IfMatch.WRITTEN_ETAG,
                    schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<ArticleView> patch(@PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IfMatch.DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Schema(implementation = ArticleInput.class) JsonNode patch) throws JsonProcessingException {
        return tagged(service.patch(idOrSlug, patch, new IfMatch(ifMatch), Caller.of(caller))
                .orElseThrow(() -> notFound(idOrSlug)));
    }

    @POST
    @Path(ApiPaths.ID_OR_SLUG + "/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "publishArticle", summary = "Publish an article",
            description = "From draft, scheduled or archived. Without a publishedAt, a draft or a scheduled article goes "
                    + "out now, whatever publishedAt it carried; a republished (archived) article keeps its earlier one.")
    public RestResponse<ArticleView> publish(@PathParam("idOrSlug") String idOrSlug,
            @RequestBody(required = false) TransitionInput input) {
        return transition(idOrSlug, ArticleStatus.published, input);
    }

    @POST
    @Path(ApiPaths.ID_OR_SLUG + "/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "scheduleArticle", summary = "Schedule a draft",
            description = "It becomes public at publishedAt, with no further step.")
    public RestResponse<ArticleView> schedule(@PathParam("idOrSlug") String idOrSlug, @NotNull TransitionInput input) {
        if (input.publishedAt() == null) {
            throw ProblemException.invalidField("publishedAt", "is required to schedule an article");
        }
        return transition(idOrSlug, ArticleStatus.scheduled, input);
    }

    @POST
    @Path(ApiPaths.ID_OR_SLUG + "/unpublish")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "unpublishArticle", summary = "Take an article back to draft",
            description = "From published, scheduled or archived: it is no longer public.")
    public RestResponse<ArticleView> unpublish(@PathParam("idOrSlug") String idOrSlug) {
        return transition(idOrSlug, ArticleStatus.draft, null);
    }

    @POST
    @Path(ApiPaths.ID_OR_SLUG + "/archive")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "archiveArticle", summary = "Archive a published article",
            description = "Archived articles are no longer public; republishing brings them back.")
    public RestResponse<ArticleView> archive(@PathParam("idOrSlug") String idOrSlug) {
        return transition(idOrSlug, ArticleStatus.archived, null);
    }

    private RestResponse<ArticleView> transition(String idOrSlug, ArticleStatus status, TransitionInput input) {
        return tagged(service.transition(idOrSlug, status, input == null ? null : input.publishedAt(), Caller.of(caller))
                .orElseThrow(() -> notFound(idOrSlug)));
    }

    @DELETE
    @Path(ApiPaths.ID_OR_SLUG)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteArticle", summary = "Delete an article",
            description = "Deletes the article with its author credits, tags, revisions and former slugs. "
                    + IF_MATCH_RULE)
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void delete(@PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IfMatch.DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!service.delete(idOrSlug, new IfMatch(ifMatch))) {
            throw notFound(idOrSlug);
        }
    }

    /** A 201 naming the new article (or translation), with its ETag. */
    private RestResponse<ArticleView> created(ArticleView created) {
        return RestResponse.ResponseBuilder.<ArticleView>created(ApiPaths.item("articles", created.id())).entity(created)
                .header(HttpHeaders.ETAG, etags.of(created)).build();
    }

    /** A write answers with the ETag a GET of what it wrote would carry, so that an editor can chain writes. */
    private RestResponse<ArticleView> tagged(ArticleView written) {
        return RestResponse.ResponseBuilder.ok(written).header(HttpHeaders.ETAG, etags.of(written)).build();
    }

    /** The body forms a response carries, in characters: past {@link #LARGE_BODY} it counts as a bulk body read. */
    private static long bodyCharacters(ArticleView view) {
        return Stream.of(view.body(), view.bodyHtml(), view.bodyText()).filter(Objects::nonNull).mapToLong(String::length)
                .sum();
    }

    private static ProblemException notFound(String idOrSlug) {
        return ProblemException.notFound("article", idOrSlug);
    }
}
