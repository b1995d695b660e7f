package io.headline.article;

import io.headline.author.AuthorView;
import io.headline.category.CategoryView;
import io.headline.common.query.InList;
import io.headline.locale.LocaleChoice;
import io.headline.locale.Locales;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Shows an article's category (and its parent) and authors in the article's own locale: each name, description and
 * bio in its best translation along that locale's fallbacks, else the default locale's text. Nothing is read where
 * every row is in the default locale (so nothing with one locale configured); otherwise one statement for all the
 * rows, whatever their locales.
 */
@ApplicationScoped
class ArticleNames {

    /** A translated text: a category's name and description, or an author's name and bio. */
    private record Text(String locale, String name, String text) {
    }

    private final Locales locales;
    private final EntityManager entities;

    ArticleNames(Locales locales, EntityManager entities) {
        this.locales = locales;
        this.entities = entities;
    }

    List<ArticleRow> inTheirLocales(List<ArticleRow> rows) {
        Set<String> wanted = new HashSet<>();
        Set<UUID> categoryIds = new HashSet<>();
        Set<UUID> authorIds = new HashSet<>();
        for (ArticleRow r : rows) {
            if (r.locale().equals(locales.defaultLocale())) {
                continue;
            }
            wanted.addAll(LocaleChoice.from(locales, r.locale()).chain());
            if (r.category() != null) {
                categoryIds.add(r.category().id());
                if (r.category().parent() != null) {
                    categoryIds.add(r.category().parent().id());
                }
            }
            if (r.authors() != null) {
                r.authors().forEach(a -> authorIds.add(a.id()));
            }
        }
        wanted.remove(locales.defaultLocale());
        if (wanted.isEmpty()) {
            return rows;
        }
        Map<UUID, List<Text>> categoryTexts = new HashMap<>();
        Map<UUID, List<Text>> authorTexts = new HashMap<>();
        read(categoryIds, authorIds, wanted, categoryTexts, authorTexts);
        List<ArticleRow> named = new ArrayList<>(rows.size());
        for (ArticleRow r : rows) {
            if (r.locale().equals(locales.defaultLocale())) {
                named.add(r);
                continue;
            }
            LocaleChoice choice = LocaleChoice.from(locales, r.locale());
            named.add(r.withNames(category(r.category(), categoryTexts, choice), r.authors() == null ? null
                    : r.authors().stream().map(a -> author(a, best(authorTexts.get(a.id()), choice))).toList()));
        }
        return named;
    }

    /** The translations of these categories and authors into these locales: one statement. */
    private void read(Collection<UUID> categoryIds, Collection<UUID> authorIds, Collection<String> wanted,
            Map<UUID, List<Text>> categoryTexts, Map<UUID, List<Text>> authorTexts) {
        InList in = InList.of("locale", List.copyOf(wanted));
        List<String> parts = new ArrayList<>();
        List<InList> owners = new ArrayList<>();
        if (!categoryIds.isEmpty()) {
            InList ids = InList.of("category", List.copyOf(categoryIds));
            parts.add("select 'c', t.ownerId, t.locale, t.name, t.text from CategoryTranslation t where "
                    + ids.in("t.ownerId") + " and " + in.in("t.locale"));
            owners.add(ids);
        }
        if (!authorIds.isEmpty()) {
            InList ids = InList.of("author", List.copyOf(authorIds));
            parts.add("select 'a', t.ownerId, t.locale, t.name, t.text from AuthorTranslation t where "
                    + ids.in("t.ownerId") + " and " + in.in("t.locale"));
            owners.add(ids);
        }
        if (parts.isEmpty()) {
            return;
        }
        Query query = entities.createQuery(String.join(" union all ", parts), Object[].class);
        in.bind(query::setParameter);
        owners.forEach(ids -> ids.bind(query::setParameter));
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            Map<UUID, List<Text>> texts = "c".equals(row[0]) ? categoryTexts : authorTexts;
            texts.computeIfAbsent((UUID) row[1], id -> new ArrayList<>())
                    .add(new Text((String) row[2], (String) row[3], (String) row[4]));
        }
    }

    /** The best of an item's texts along the chain, or null. */
    private static Text best(List<Text> texts, LocaleChoice choice) {
        return texts == null ? null : texts.stream().filter(t -> choice.chain().contains(t.locale()))
                .min(Comparator.comparingInt(t -> choice.rank(t.locale()))).orElse(null);
    }

    private static CategoryView category(CategoryView c, Map<UUID, List<Text>> texts, LocaleChoice choice) {
        if (c == null) {
            return null;
        }
        Text text = best(texts.get(c.id()), choice);
        CategoryView parent = category(c.parent(), texts, choice);
        if (text == null && parent == c.parent()) {
            return c;
        }
        // As CategoryMapper serves a category in a locale: a translation is the whole text (name and description).
        return new CategoryView(c.id(), c.slug(), c.locale(),
                text == null ? c.name() : text.name(), text == null ? c.description() : text.text(), parent,
                c.createdAt(), c.updatedAt());
    }

    /** As AuthorMapper serves an author in a locale: a translation is the whole text (name and bio). */
    private static AuthorView author(AuthorView a, Text text) {
        return text == null ? a : new AuthorView(a.id(), a.slug(), a.locale(), text.name(), text.text(),
                a.avatarUrl(), a.websiteUrl(), a.email(), a.createdAt(), a.updatedAt());
    }
}
