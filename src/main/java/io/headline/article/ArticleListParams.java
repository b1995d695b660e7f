package io.headline.article;

import io.headline.common.paging.PagingParams;
import io.headline.locale.LocaleParams;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of the article list, each typed and documented so that a generated client can
 * call every one of them. They arrive as text and are checked by {@link ArticleListRequest}, so that a
 * bad value is a 400 that says what is allowed.
 */
public class ArticleListParams extends PagingParams {

    @QueryParam("q")
    @Parameter(description = "Full-text search in title, subtitle, excerpt and body, ranked by relevance (title "
            + "matches first). On PostgreSQL: English stemming and web-search syntax (\"quoted phrase\", or, -word). "
            + "Items then carry a highlighted `snippet`; the default sort becomes `-relevance`. A search covers the newest "
            + "matches only (1,000 by default, headline.search.candidates), whatever the sort: its pages, cursors and "
            + "`meta.totalItems` stop there, so `meta.totalItems` is then at most that number.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200), example = "sequel")
    public String q;

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort keys, `-` for descending, from: publishedAt, updatedAt, "
            + "createdAt, title, and with `q` relevance. The id is always appended as a tie-breaker.", schema = @Schema(type = SchemaType.ARRAY,
                    implementation = String.class, defaultValue = "-publishedAt", enumeration = {"publishedAt", "-publishedAt",
                    "updatedAt", "-updatedAt", "createdAt", "-createdAt", "title", "-title", "relevance", "-relevance"}),
            example = "-publishedAt,title")
    public List<String> sort;

    private static final String BODY_BUDGET = "A page that returns bodies holds at most 4 MiB of them (the server's "
            + "headline.limits.list-body-budget): it may end before `size` items, with `meta.truncated` true, and "
            + "`meta.nextCursor` continues after its last item. At least one item is always returned.";

    @QueryParam("fields")
    @Parameter(description = "Comma-separated members to return (sparse fieldset); `id` is always returned. From: "
            + "id, slug, locale, translations, title, subtitle, excerpt, body, bodyHtml, bodyText, wordCount, readingTimeMinutes, status, "
            + "featured, publishedAt, category, authors, tags, featureImageUrl, featureImage, createdAt, updatedAt, version, seo, "
            + "snippet. " + BODY_BUDGET,
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, enumeration = {"id", "slug", "locale", "translations", "title",
                    "subtitle", "excerpt", "body", "bodyHtml", "bodyText", "wordCount", "readingTimeMinutes", "status",
                    "featured", "publishedAt", "category", "authors", "tags", "featureImageUrl", "featureImage", "createdAt", "updatedAt",
                    "version", "seo", "snippet"}), example = "id,slug,title,publishedAt")
    public List<String> fields;

    @QueryParam("formats")
    @Parameter(description = "Comma-separated body forms to return: markdown (`body`), html (`bodyHtml`), plaintext "
            + "(`bodyText`). Lists return none unless asked. " + BODY_BUDGET,
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class,
                    enumeration = {"markdown", "html", "plaintext"}), example = "html")
    public List<String> formats;

    @QueryParam("include")
    @Parameter(description = "Comma-separated relations to return as full objects instead of compact ones: "
            + "authors, category.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, enumeration = {"authors", "category"}),
            example = "authors,category")
    public List<String> include;

    @QueryParam("category")
    @Parameter(description = "Only articles in this category (id or slug).", example = "news")
    public String category;

    @QueryParam("includeSubcategories")
    @Parameter(description = "With `category`: also articles in its subcategories, at any depth.",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"), example = "true")
    public String includeSubcategories;

    @QueryParam("author")
    @Parameter(description = "Only articles credited to this author (id or slug).", example = "newsdesk")
    public String author;

    @QueryParam("tag")
    @Parameter(description = "Only articles with any of these tags; repeat the parameter for more than one (a tag may "
            + "hold a comma).",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class), example = "film")
    public List<String> tag;

    @QueryParam("publishedAfter")
    @Parameter(description = "Only articles published strictly after this instant (ISO-8601 with offset, years 0001 to 9999).",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2020-01-01T00:00:00Z")
    public String publishedAfter;

    @QueryParam("publishedBefore")
    @Parameter(description = "Only articles published strictly before this instant (ISO-8601 with offset, years 0001 to 9999).",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2021-01-01T00:00:00Z")
    public String publishedBefore;

    @QueryParam("updatedAfter")
    @Parameter(description = "Only articles changed strictly after this instant (ISO-8601 with offset, years 0001 to 9999), for "
                    + "incremental sync.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2020-01-01T00:00:00Z")
    public String updatedAfter;

    @QueryParam("featured")
    @Parameter(description = "Only featured (true) or only unfeatured (false) articles.",
            schema = @Schema(type = SchemaType.BOOLEAN), example = "true")
    public String featured;

    @QueryParam("status")
    @Parameter(description = "Only articles in any of these statuses; repeat for more than one. Anything but "
            + "`published` needs a token that may see unpublished content.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = ArticleStatus.class), example = "draft")
    public List<String> status;

    @BeanParam
    public LocaleParams locales = new LocaleParams();
}
