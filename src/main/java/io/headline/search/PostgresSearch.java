package io.headline.search;

import io.headline.common.query.ListQuery;
import io.headline.locale.LocaleChoice;
import io.headline.locale.LocaleTags;
import io.headline.locale.Locales;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PostgreSQL's full-text search: a document with weighted fields (title A, subtitle and excerpt B, body C; see
 * V3__full_text_search.sql, stored by V9), stemmed in the language of the article's locale where PostgreSQL has a
 * configuration for it (V24__search_in_each_locale.sql: de-AT is german, an unknown language is simple), matched with
 * web-search syntax (quotes, or, -word), so that "sequels" finds "sequel" and "Haus" finds "Häuser", ranked by
 * ts_rank_cd. A row matches a query parsed in its own language: a read over several languages (de-AT, de, en) asks
 * each language's rows with that language's query, one disjunct each, which the GIN index serves (a query parsed in a
 * row's language, taken from the row, would not be). The rank detoasts each row's document, hence the bounded
 * candidates (SearchConfig).
 */
class PostgresSearch implements SearchDialect {

    /** The document stored with each article (V9), behind the GIN index: a search never reads or parses a body. */
    private static final String DOCUMENT = "a.searchDocument";

    private final Locales locales;

    PostgresSearch(Locales locales) {
        this.locales = locales;
    }

    @Override
    public void match(ListQuery<?> query, String q, LocaleChoice choice) {
        List<Language> languages = languages(choice);
        String condition;
        if (languages.size() == 1) {
            condition = matches(languages.get(0));
        } else if (choice.all()) {
            // Every translation, whatever its locale (rows in one no longer configured included): any language's.
            condition = languages.stream().map(PostgresSearch::matches).collect(Collectors.joining(" or ", "(", ")"));
        } else {
            condition = languages.stream().map(l -> "(" + l.rows() + " and " + matches(l) + ")")
                    .collect(Collectors.joining(" or ", "(", ")"));
        }
        query.where(condition, "q", q);
    }

    @Override
    public String relevance(ListQuery<?> query, String q, LocaleChoice choice) {
        query.orderParam("q", q);
        List<Language> languages = languages(choice);
        if (languages.size() == 1) {
            return rank(languages.get(0));
        }
        // The default locale's language last, as the rank of any row the others do not name.
        StringBuilder rank = new StringBuilder("case");
        for (Language l : languages.subList(0, languages.size() - 1)) {
            rank.append(" when ").append(l.rows()).append(" then ").append(rank(l));
        }
        return rank.append(" else ").append(rank(languages.get(languages.size() - 1))).append(" end").toString();
    }

    private static String matches(Language l) {
        return "function('headline_search_matches', " + DOCUMENT + ", '" + l.subtag() + "', :q) = true";
    }

    private static String rank(Language l) {
        return "function('headline_search_rank', " + DOCUMENT + ", '" + l.subtag() + "', :q)";
    }

    /**
     * The languages of the locales a read covers, with their locales: the language subtag decides the configuration
     * (headline_search_config), so de-AT and de share one query. The default locale's language comes last.
     */
    private List<Language> languages(LocaleChoice choice) {
        List<String> tags = choice.all() ? locales.all() : choice.chain();
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        for (String tag : tags) {
            byLanguage.computeIfAbsent(subtag(tag), s -> new ArrayList<>()).add(tag);
        }
        String last = subtag(locales.defaultLocale());
        List<Language> languages = new ArrayList<>();
        byLanguage.forEach((subtag, inIt) -> {
            if (!subtag.equals(last)) {
                languages.add(new Language(subtag, inIt));
            }
        });
        if (byLanguage.containsKey(last)) {
            languages.add(new Language(last, byLanguage.get(last)));
        }
        return languages;
    }

    private static String subtag(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /**
     * A language and the read's locales in it: configured tags (checked at start), written as literals, so that each
     * chain is one query plan.
     */
    private record Language(String subtag, List<String> tags) {

        String rows() {
            return "a.locale in (" + LocaleTags.sqlList(tags) + ")";
        }
    }
}
