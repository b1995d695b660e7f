package io.headline.ghost;

import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.headline.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A read-only Ghost Content API (v5 shapes) over Headline's published content, for front ends built on
 * {@code @tryghost/content-api}: posts are articles, tags are categories and tags, authors are authors, pages are
 * none. The key is a content token, passed as {@code ?key=}. It answers Ghost's shapes and Ghost's errors, not
 * Headline's, and stays out of Headline's OpenAPI document (mp.openapi.scan.exclude.packages).
 */
@Path(ApiPaths.GHOST_CONTENT)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CONTENT)
public class GhostResource {

    private static final Logger LOG = Logger.getLogger(GhostResource.class);
    /** The Content API version whose shapes these are. */
    static final String CONTENT_VERSION = "v5.0";

    private final GhostService service;

    public GhostResource(GhostService service) {
        this.service = service;
    }

    @GET
    @Path("posts/")
    public Response posts(@BeanParam GhostParams params) {
        GhostQuery query = GhostQuery.parse(params, GhostQuery.POSTS);
        return ok(service.posts(query, GhostFilter.parse(params.filter), params.locales));
    }

    @GET
    @Path("authors/")
    public Response authors(@BeanParam GhostParams params) {
        refuseFilter(params);
        return ok(service.authors(GhostQuery.parse(params, GhostQuery.AUTHORS), params.locales));
    }

    @GET
    @Path("tags/")
    public Response tags(@BeanParam GhostParams params) {
        refuseFilter(params);
        return ok(service.tags(GhostQuery.parse(params, GhostQuery.TAGS), params.locales));
    }

    /** A post, author or tag by slug; Ghost's client sends the slug again as a query parameter. */
    @GET
    @Path("{resource: posts|authors|tags}/slug/{slug}/")
    public Response bySlug(@PathParam("resource") String resource, @PathParam("slug") String slug,
            @QueryParam("slug") String sentAgain, @BeanParam GhostParams params) {
        return read(resource, null, slug, params);
    }

    @GET
    @Path("{resource: posts|authors|tags}/{id}/")
    public Response byId(@PathParam("resource") String resource, @PathParam("id") String id,
            @BeanParam GhostParams params) {
        return read(resource, id, null, params);
    }

    private Response read(String name, String id, String slug, GhostParams params) {
        GhostQuery.Resource resource = GhostQuery.resource(name);
        return ok(service.read(resource, id, slug, GhostQuery.parse(params, resource), params.locales)
                .orElseThrow(() -> GhostException.notFound(resource.singular())));
    }

    /** Headline has no standalone pages: the list is empty, and every page is not found. */
    @GET
    @Path("pages/")
    public Response pages(@BeanParam GhostParams params) {
        GhostFilter.parse(params.filter);
        return ok(service.pages(GhostQuery.parse(params, GhostQuery.POSTS)));
    }

    @GET
    @Path("pages/{path: .+}")
    public Response page(@PathParam("path") String path, @QueryParam("slug") String sentAgain,
            @BeanParam GhostParams params) {
        GhostQuery.parse(params, GhostQuery.POSTS);
        throw GhostException.notFound("Page");
    }

    @GET
    @Path("settings/")
    public Response settings(@BeanParam GhostParams params) {
        GhostQuery.parse(params, GhostQuery.SETTINGS);
        return ok(service.settings());
    }

    /** Anything else under the Content API (tiers, newsletters, offers, ...) is not here, in Ghost's words. */
    @GET
    @Path("{path: .*}")
    public Response elsewhere(@PathParam("path") String path, @BeanParam GhostParams params) {
        throw new GhostException(404, "NotFoundError", "Resource not found", "Headline serves posts, authors, tags, "
                + "pages and settings.");
    }

    private static void refuseFilter(GhostParams params) {
        if (params.filter != null) {
            throw GhostException.badFilter("Only posts can be filtered here.");
        }
    }

    private static Response ok(GhostBody body) {
        Response.ResponseBuilder ok = Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Version", CONTENT_VERSION);
        if (body.language() != null) {
            ok.header(HttpHeaders.CONTENT_LANGUAGE, body.language());
        }
        return ok.build();
    }

    @ServerExceptionMapper
    public Response ghost(GhostException e) {
        return error(e.status(), e.body());
    }

    /** Headline's own checks (a typed filter's value, a busy body-read permit) in Ghost's shape, same status. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        int status = e.type().status();
        String context = e.errors().isEmpty() ? null
                : String.join("; ", e.errors().stream().map(f -> f.field() + " " + f.message()).toList());
        Response response = error(status, GhostError.of(GhostError.typeOf(status), e.getMessage(), context));
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response unknownKey(AuthenticationFailedException e) {
        return error(401, GhostError.of("UnauthorizedError", "Unknown Content API Key", null));
    }

    @ServerExceptionMapper({UnauthorizedException.class, ForbiddenException.class})
    public Response noKey() {
        return error(403, GhostError.of("NoPermissionError", "Authorization failed",
                "Send a content token of this site as the key query parameter."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return error(status, GhostError.of(GhostError.typeOf(status), e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure on the Ghost Content API", e);
        return error(500, GhostError.of("InternalServerError", "An unexpected error occurred; it has been logged.", null));
    }

    private static Response error(int status, GhostError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
