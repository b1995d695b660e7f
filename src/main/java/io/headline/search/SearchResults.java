package io.headline.search;

import io.headline.article.ArticleView;
import io.headline.author.AuthorView;
import io.headline.category.CategoryView;
import io.headline.common.paging.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SearchResults", description = "What matches a query, by type: articles ranked by relevance (with "
        + "snippets, continued through `articles.links.next`), authors and categories by name, and facet counts.")
public record SearchResults(
        @Schema(description = "The query as received.", examples = "sequel", required = true) String query,
        @Schema(required = true) Page<ArticleView> articles,
        @Schema(description = "Authors whose name contains the query.", required = true) List<AuthorView> authors,
        @Schema(description = "Categories whose name contains the query.", required = true) List<CategoryView> categories,
        @Schema(required = true) Facets facets) {
}
