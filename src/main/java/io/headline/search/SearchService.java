package io.headline.search;

import io.headline.article.ArticleListRequest;
import io.headline.article.ArticleRepository;
import io.headline.article.ArticleService;
import io.headline.article.ArticleView;
import io.headline.author.AuthorMapper;
import io.headline.author.AuthorRepository;
import io.headline.author.AuthorView;
import io.headline.category.CategoryMapper;
import io.headline.category.CategoryRepository;
import io.headline.category.CategoryView;
import io.headline.common.query.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** One query across every type: the first page of matching articles, matching authors and categories, facets. */
@ApplicationScoped
public class SearchService {

    private static final int FACETS = 10;

    private final ArticleService articles;
    private final AuthorRepository authors;
    private final CategoryRepository categories;

    public SearchService(ArticleService articles, AuthorRepository authors, CategoryRepository categories) {
        this.articles = articles;
        this.authors = authors;
        this.categories = categories;
    }

    public Found search(ArticleListRequest request, int size, boolean withEmails) {
        String q = request.filter().q();
        ArticleRepository.Faceted<ArticleView> found = articles.listWithFacets(request, FACETS);
        return new Found(found.page(),
                authors.searchByName(q, size).stream().map(a -> AuthorMapper.toView(a, withEmails)).toList(),
                categories.searchByName(q, size).stream().map(CategoryMapper::toView).toList(), found.facets());
    }

    public record Found(Slice<ArticleView> articles, List<AuthorView> authors, List<CategoryView> categories,
            Facets facets) {
    }
}
