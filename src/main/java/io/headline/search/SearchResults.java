package io.headline.search;

import io.headline.article.ArticleView;
import io.headline.author.AuthorView;
import io.headline.category.CategoryView;
import io.headline.common.paging.Page;
import io.headline.delivery.Cacheable;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SearchResults", description = "What matches a query, by type: articles ranked by relevance (with "
        + "snippets, continued through `articles.links.next`), authors and categories by name, and facet counts.")
public record SearchResults(
        @Schema(description = "The query as received.", examples = "sequel", required = true) String query,
        @Schema(required = true) Page<ArticleView> articles,
        @Schema(description = "Authors whose name contains the query.", required = true) List<AuthorView> authors,
        @Schema(description = "Categories whose name contains the query.", required = true) List<CategoryView> categories,
        @Schema(required = true) Facets facets) implements Cacheable {

    /** Any write to content a search shows purges it by that content's key; "search" purges every search. */
    @Override
    public String surrogateKey() {
        return "search";
    }

    /** A search response has no single date: a new match changes it without changing any shown item. */
    @Override
    public Instant updatedAt() {
        return null;
    }

    @Override
    public Stream<Cacheable> embedded() {
        return Stream.of(articles.data().stream(), authors.stream(), categories.stream()).flatMap(s -> s);
    }
}
