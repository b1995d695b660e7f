package io.headline.article;

import io.headline.author.AuthorMapper;
import io.headline.category.CategoryMapper;
import java.time.Instant;
import java.util.List;

/** Converts between articles and their API models; entities never reach JSON. */
public final class ArticleMapper {

    private ArticleMapper() {
    }

    /** The full article, as a single GET returns it. */
    public static ArticleView toView(Article a, Instant now) {
        return view(a, a.body, now);
    }

    /** The article as lists carry it: everything but the body. */
    public static ArticleView toListItem(Article a, Instant now) {
        return view(a, null, now);
    }

    public static ArticleInput toInput(Article a) {
        return new ArticleInput(a.slug, a.title, a.subtitle, a.excerpt, a.body, a.status, a.publishedAt,
                a.category.id.toString(), a.authors.stream().map(au -> au.id.toString()).toList(), List.copyOf(a.tags),
                a.featureImageUrl);
    }

    private static ArticleView view(Article a, String body, Instant now) {
        return new ArticleView(a.id, a.slug, a.title, a.subtitle, a.excerpt, body, a.statusAt(now), a.publishedAt,
                CategoryMapper.toRef(a.category), a.authors.stream().map(AuthorMapper::toRef).toList(),
                List.copyOf(a.tags), a.featureImageUrl, a.createdAt, a.updatedAt, a.version);
    }
}
