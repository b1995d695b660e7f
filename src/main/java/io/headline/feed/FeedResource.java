package io.headline.feed;

import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.headline.delivery.PreparedBody;
import io.headline.locale.LocaleParams;
import io.headline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest published articles (all, per category, per author), and the
 * sitemap of every published article, at the addresses feed readers and crawlers look for, outside /api/. Their links
 * to themselves are made from the address the request came to (behind a proxy, with forwarding configured).
 */
@Path("/")
@RolesAllowed(Roles.READER)
@Tag(name = "Feeds", description = "RSS, Atom and JSON Feed of the newest published articles, and sitemaps. Article "
        + "links come from the front end's URL template (HEADLINE_FEEDS_ARTICLE_URL). Only published content, whoever asks.")
public class FeedResource {

    private static final String XML = "application/xml";
    /** The format, by file name; the path admits these three only. */
    private static final String FILE = "{file: rss\\.xml|atom\\.xml|feed\\.json}";
    private static final String ALL = "The newest published articles (headline.feeds.items, 50 by default), newest "
            + "first, with their sanitized HTML bodies.";
    private static final String CATEGORY = "The newest published articles filed under the category or one of its "
            + "subcategories; an unknown category is a 404.";
    private static final String AUTHOR = "The newest published articles the author is credited on; an unknown author "
            + "is a 404.";

    private final FeedService service;

    public FeedResource(FeedService service) {
        this.service = service;
    }

    @GET
    @Path(ApiPaths.FEEDS + "/" + FILE)
    @Produces({FeedFormat.RSS_TYPE, FeedFormat.ATOM_TYPE, FeedFormat.JSON_TYPE})
    @Operation(operationId = "getFeed", summary = "Feed of the newest articles", description = ALL)
    public Response all(@PathParam("file") String file, @BeanParam LocaleParams locale, @Context UriInfo uri) {
        return feed(service.all(base(uri), locale), file);
    }

    @GET
    @Path(ApiPaths.FEEDS + "/categories/{slug}/" + FILE)
    @Produces({FeedFormat.RSS_TYPE, FeedFormat.ATOM_TYPE, FeedFormat.JSON_TYPE})
    @Operation(operationId = "getCategoryFeed", summary = "Feed of a category's newest articles", description = CATEGORY)
    public Response category(@Parameter(description = "The category's slug.") @PathParam("slug") String slug,
            @PathParam("file") String file, @BeanParam LocaleParams locale,
            @Context UriInfo uri) {
        return feed(service.category(slug, base(uri), locale).orElseThrow(() -> ProblemException.notFound("category", slug)),
                file);
    }

    @GET
    @Path(ApiPaths.FEEDS + "/authors/{slug}/" + FILE)
    @Produces({FeedFormat.RSS_TYPE, FeedFormat.ATOM_TYPE, FeedFormat.JSON_TYPE})
    @Operation(operationId = "getAuthorFeed", summary = "Feed of an author's newest articles", description = AUTHOR)
    public Response author(@Parameter(description = "The author's slug.") @PathParam("slug") String slug,
            @PathParam("file") String file, @BeanParam LocaleParams locale,
            @Context UriInfo uri) {
        return feed(service.author(slug, base(uri), locale).orElseThrow(() -> ProblemException.notFound("author", slug)), file);
    }

    @GET
    @Path(ApiPaths.SITEMAP)
    @Produces(FeedFormat.SITEMAP_TYPE)
    @Operation(operationId = "getSitemap", summary = "Sitemap", description = "Every published article's address "
            + "(sitemaps.org 0.9), each translation at its own with the others as `xhtml:link` hreflang alternates, "
            + "oldest first; past 1,000 (headline.feeds.sitemap-urls) a sitemap index of "
            + "/sitemaps/{page}.xml pages of that many, whose addresses say where each starts.")
    @APIResponse(responseCode = "200", description = "A sitemap (urlset) or a sitemap index (sitemapindex).",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    public Response sitemap(@Parameter(description = LOCALE) @QueryParam(SitemapPage.LOCALE) String locale,
            @Context UriInfo uri) {
        return sitemap(service.sitemap(base(uri), locale));
    }

    private static final String LOCALE = "Only the translations in this locale, one of the server's (headline.locales), "
            + "each with its siblings as alternates; without it, every translation.";

    @GET
    @Path(ApiPaths.SITEMAPS + "/{page: [0-9]{1,9}}.xml")
    @Produces(FeedFormat.SITEMAP_TYPE)
    @Operation(operationId = "getSitemapPage", summary = "A page of the sitemap index", description = "The articles "
            + "of one page of the sitemap index, at the address the index gives it: the page from 1, and for every page "
            + "but the first where it starts (`from`). A page without articles left, or past the first without `from`, "
            + "is a 404.")
    @APIResponse(responseCode = "200", description = "A sitemap (urlset).",
            content = @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)))
    public Response sitemapPage(@Parameter(description = "The page, from 1.", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1")) @PathParam("page") long page,
            @Parameter(description = "Where the page starts, as the sitemap index gives it: the first article's "
                    + "publication instant and id, comma-separated.", example = "2024-05-01T09:30:00Z,"
                    + "0b8f8a52-4a59-4c1b-9a43-6d2c2c7a1f10") @QueryParam(SitemapPage.FROM) String from,
            @Parameter(description = LOCALE) @QueryParam(SitemapPage.LOCALE) String locale,
            @Context UriInfo uri) {
        return sitemap(SitemapPage.of(page, from, locale).flatMap(found -> service.sitemapPage(found, base(uri)))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "The sitemap has no page " + page
                        + (from == null ? "" : " from " + from) + "; /sitemap.xml lists its pages.")));
    }

    private static Response feed(Feed feed, String file) {
        FeedFormat format = FeedFormat.of(file);
        return Response.ok(new PreparedBody(format.write(feed), feed.surrogateKeys(), feed.lastModified()),
                format.mediaType()).header(HttpHeaders.CONTENT_LANGUAGE, feed.locale()).build();
    }

    private static Response sitemap(Sitemap sitemap) {
        return Response.ok(new PreparedBody(SitemapWriter.write(sitemap), sitemap.surrogateKeys(),
                sitemap.lastModified()), FeedFormat.SITEMAP_TYPE).build();
    }

    private static URI base(UriInfo uri) {
        return uri.getBaseUri();
    }
}
