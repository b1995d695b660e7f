package io.headline.search;

import io.headline.locale.ContentLanguage;
import io.headline.locale.LocaleParams;
import io.headline.locale.Locales;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.BeanParam;
import io.headline.article.ArticleListParams;
import io.headline.article.ArticleListRequest;
import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.headline.common.paging.Pages;
import io.headline.limits.BodyReads;
import io.headline.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(ApiPaths.V1 + "/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search across articles, authors and categories.")
public class SearchResource {

    private final SearchService service;
    private final SecurityIdentity caller;
    private final BodyReads bodyReads;
    private final Locales locales;
    private final HttpServerResponse response;

    public SearchResource(SearchService service, SecurityIdentity caller, BodyReads bodyReads, Locales locales,
            HttpServerResponse response) {
        this.response = response;
        this.locales = locales;
        this.service = service;
        this.caller = caller;
        this.bodyReads = bodyReads;
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "search", summary = "Search everything",
            description = "Articles the caller may see, ranked by relevance with highlighted snippets, plus authors "
                    + "and categories whose name contains the query, and facet counts of the matching articles. Articles, their "
                    + "`meta.totalItems` and the facets cover the newest matches only (1,000 by default, "
                    + "headline.search.candidates), so that a common word costs no more than a rare one.")
    public SearchResults search(
            @Parameter(description = "What to search for (same syntax as `q` on the article list).", required = true,
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200), example = "sequel")
            @QueryParam("q") String q,
            @Parameter(description = "How many results of each type, 1 to 100.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"),
                    example = "10")
            @QueryParam("size") String size,
            @BeanParam LocaleParams locale,
            @Context UriInfo uri) {
        if (q == null || q.isBlank()) {
            throw ProblemException.invalidParameter("q", "is required");
        }
        ArticleListParams params = new ArticleListParams();
        params.q = q;
        params.size = size == null ? "10" : size;
        params.locales = locale;
        ArticleListRequest request = ArticleListRequest.parse(params, Roles.seesUnpublished(caller),
                Roles.seesEmails(caller), locales);
        ContentLanguage.set(response, request.filter().locales().first());
        SearchService.Found found = bodyReads.run(request.scannedBytes(), () -> service.search(request,
                request.page().size(), Roles.seesEmails(caller)));
        var articlesQuery = uri.getBaseUriBuilder().path(ApiPaths.V1 + "/articles").queryParam("q", q)
                .queryParam("size", request.page().size());
        return new SearchResults(q, Pages.of(found.articles(), request.page(), articlesQuery), found.authors(),
                found.categories(), found.facets());
    }
}
