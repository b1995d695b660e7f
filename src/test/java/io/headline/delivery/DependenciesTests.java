package io.headline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.headline.article.ArticleStatus;
import io.headline.article.ArticleView;
import io.headline.author.AuthorRef;
import io.headline.category.CategoryRef;
import io.headline.common.paging.Page;
import io.headline.common.paging.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DependenciesTests {

    private static final Instant EARLY = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2021-01-01T00:00:00Z");

    private final CategoryRef category = new CategoryRef(UUID.randomUUID(), "news", "News", LATE);
    private final AuthorRef author = new AuthorRef(UUID.randomUUID(), "desk", "Desk", EARLY);

    private ArticleView article(Instant updatedAt) {
        return new ArticleView(UUID.randomUUID(), "a", "A", null, null, null, ArticleStatus.published, EARLY, category,
                List.of(author), List.of(), null, EARLY, updatedAt, 0);
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
        Page<ArticleView> page = Page.of(List.of(first, second), new PageRequest(1, 20), 2);

        assertThat(Dependencies.of(page, "articles").surrogateKeys()).containsExactly("articles",
                "article:" + first.id(), "category:" + category.id(), "author:" + author.id(), "article:" + second.id());
    }

    @Test
    void shouldLeaveAnEmptyListUndated() {
        Dependencies empty = Dependencies.of(Page.of(List.of(), new PageRequest(1, 20), 0), "authors");

        assertThat(empty.surrogateKeys()).containsExactly("authors");
        assertThat(empty.lastModified()).isEmpty();
    }
}
