package io.headline.search;

import io.headline.common.query.ListQuery;
import io.headline.locale.LocaleChoice;
import java.util.ArrayList;
import java.util.List;

/**
 * The search of databases without a text-search engine (the embedded H2): every word of the query must
 * occur, case-insensitively, in the title, subtitle, excerpt or body; common English endings are dropped
 * first ({@link Words}), so that "sequels" also finds "sequel". Relevance counts where the words occur:
 * title 4, subtitle or excerpt 2, body 1. It reads every row, which suits the embedded database's sizes;
 * PostgreSQL uses an index. Every locale is matched alike: only PostgreSQL stems in each locale's language.
 */
class PortableSearch implements SearchDialect {

    @Override
    public void match(ListQuery<?> query, String q, LocaleChoice locales) {
        List<String> words = Words.stems(q);
        if (words.isEmpty()) {
            // Nothing searchable (only punctuation, symbols, emoji): nothing matches.
            query.where("1 = 0");
        }
        for (int i = 0; i < words.size(); i++) {
            String p = "q" + i;
            query.where("(" + like("a.title", p) + " or " + like("a.subtitle", p) + " or " + like("a.excerpt", p)
                    + " or " + like("a.body", p) + ")", p, "%" + words.get(i) + "%");
        }
    }

    @Override
    public String relevance(ListQuery<?> query, String q, LocaleChoice locales) {
        List<String> words = Words.stems(q);
        if (words.isEmpty()) {
            // Not an integer literal, which an ORDER BY reads as a column position.
            return "cast(0 as double)";
        }
        List<String> relevance = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String p = "q" + i;
            query.orderParam(p, "%" + words.get(i) + "%");
            relevance.add("(case when " + like("a.title", p) + " then 4 else 0 end"
                    + " + case when " + like("a.subtitle", p) + " or " + like("a.excerpt", p) + " then 2 else 0 end"
                    + " + case when " + like("a.body", p) + " then 1 else 0 end)");
        }
        return String.join(" + ", relevance);
    }

    private static String like(String path, String param) {
        return "lower(" + path + ") like :" + param;
    }
}
