package io.headline.article;

import io.headline.author.AuthorTranslation;
import io.headline.author.AuthorTranslationRepository;
import io.headline.author.AuthorView;
import io.headline.category.CategoryTranslation;
import io.headline.category.CategoryTranslationRepository;
import io.headline.category.CategoryView;
import io.headline.locale.LocaleChoice;
import io.headline.locale.Locales;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Shows an article's category (and its parent) and authors in the article's own locale: each name, description and
 * bio in its best translation along that locale's fallbacks, else the default locale's text. Nothing is read where
 * every row is in the default locale (so nothing with one locale configured); otherwise two statements a locale.
 */
@ApplicationScoped
class ArticleNames {

    private final Locales locales;
    private final CategoryTranslationRepository categories;
    private final AuthorTranslationRepository authors;

    ArticleNames(Locales locales, CategoryTranslationRepository categories, AuthorTranslationRepository authors) {
        this.locales = locales;
        this.categories = categories;
        this.authors = authors;
    }

    List<ArticleRow> inTheirLocales(List<ArticleRow> rows) {
        Set<String> translated = new HashSet<>();
        rows.forEach(r -> translated.add(r.locale()));
        translated.remove(locales.defaultLocale());
        if (translated.isEmpty()) {
            return rows;
        }
        List<ArticleRow> named = new ArrayList<>(rows);
        for (String locale : translated) {
            LocaleChoice choice = LocaleChoice.from(locales, locale);
            Set<UUID> categoryIds = new HashSet<>();
            Set<UUID> authorIds = new HashSet<>();
            for (ArticleRow r : rows) {
                if (r.locale().equals(locale)) {
                    categoryIds.add(r.category().id());
                    if (r.category().parent() != null) {
                        categoryIds.add(r.category().parent().id());
                    }
                    if (r.authors() != null) {
                        r.authors().forEach(a -> authorIds.add(a.id()));
                    }
                }
            }
            Map<UUID, CategoryTranslation> categoryTexts = categories.best(categoryIds, choice, locales.defaultLocale());
            Map<UUID, AuthorTranslation> authorTexts = authorIds.isEmpty() ? Map.of()
                    : authors.best(authorIds, choice, locales.defaultLocale());
            for (int i = 0; i < named.size(); i++) {
                ArticleRow r = named.get(i);
                if (r.locale().equals(locale)) {
                    named.set(i, r.withNames(category(r.category(), categoryTexts), r.authors() == null ? null
                            : r.authors().stream().map(a -> author(a, authorTexts.get(a.id()))).toList()));
                }
            }
        }
        return named;
    }

    private static CategoryView category(CategoryView c, Map<UUID, CategoryTranslation> texts) {
        if (c == null) {
            return null;
        }
        CategoryTranslation text = texts.get(c.id());
        CategoryView parent = category(c.parent(), texts);
        if (text == null && parent == c.parent()) {
            return c;
        }
        return new CategoryView(c.id(), c.slug(), text == null ? c.name() : text.name,
                text == null || c.description() == null || text.text == null ? c.description() : text.text, parent, c.createdAt(),
                c.updatedAt());
    }

    private static AuthorView author(AuthorView a, AuthorTranslation text) {
        return text == null ? a : new AuthorView(a.id(), a.slug(), text.name,
                a.bio() == null || text.text == null ? a.bio() : text.text,
                a.avatarUrl(), a.websiteUrl(), a.email(), a.createdAt(), a.updatedAt());
    }
}
