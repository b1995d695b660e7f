package io.headline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.headline.article.ArticleStatus;
import io.headline.article.ArticleView;
import io.headline.author.AuthorView;
import io.headline.category.CategoryView;
import io.headline.common.paging.Page;
import io.headline.common.paging.PageLinks;
import io.headline.common.paging.PageMeta;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DependenciesTests {

    private static final Instant EARLY = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2021-01-01T00:00:00Z");

    private final CategoryView category = new CategoryView(UUID.randomUUID(), "news", "News", null, null, null, LATE);
    private final AuthorView author = new AuthorView(UUID.randomUUID(), "desk", "Desk", null, null, null, null, null,
            EARLY);

    private ArticleView article(Instant updatedAt) {
        return new ArticleView(UUID.randomUUID(), "a", "en", null, "A", null, null, null, null, null, null, null,
                ArticleStatus.published, false, EARLY, category, List.of(author), List.of(), null, null, EARLY, updatedAt, 0L,
                null, null);
    }

    private static <T> Page<T> page(List<T> items) {
        return new Page<>(items, new PageMeta(1, 20, (long) items.size(), 1L, null, null), new PageLinks(null));
    }

    @Test
    void shouldLeaveASparseArticleWithoutItsOwnDateUndated() {
        ArticleView sparse = new ArticleView(UUID.randomUUID(), null, null, null, "A", null, null, null, null, null, null, null,
                null, null, null, category, null, null, null, null, null, null, null, null, null);

        assertThat(Dependencies.of(sparse, "ignored").lastModified()).isEmpty();
    }

    @Test
    void shouldKeyAnArticleByItselfItsCategoryAndItsAuthors() {
        ArticleView article = article(EARLY);

        assertThat(Dependencies.of(article, "ignored").surrogateKeys()).containsExactly(
                "article:" + article.id(), "category:" + category.id(), "author:" + author.id());
    }

    @Test
    void shouldDateAnArticleByTheNewestContentItShows() {
        // The category was renamed after the article was last written: the article as shown changed then.
        assertThat(Dependencies.of(article(EARLY), "ignored").lastModified()).contains(LATE);
    }

    @Test
    void shouldKeyAListByItsCollectionThenEachItemOnce() {
        ArticleView first = article(EARLY);
        ArticleView second = article(EARLY);
        Page<ArticleView> page = page(List.of(first, second));

        assertThat(Dependencies.of(page, "articles").surrogateKeys()).containsExactly("articles",
                "article:" + first.id(), "category:" + category.id(), "author:" + author.id(), "article:" + second.id());
    }

    @Test
    void shouldLeaveAnEmptyListUndated() {
        Dependencies empty = Dependencies.of(page(List.of()), "authors");

        assertThat(empty.surrogateKeys()).containsExactly("authors");
        assertThat(empty.lastModified()).isEmpty();
    }
}
