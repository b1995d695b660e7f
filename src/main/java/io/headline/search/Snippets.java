package io.headline.search;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short passage of an article around the first words that match a query, HTML-escaped, with each
 * matching word wrapped in {@code <mark>}: safe to insert into a page as it is.
 */
public final class Snippets {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int WORDS_BEFORE = 8;
    private static final int LENGTH = 240;
    /** How many characters of a text a snippet looks at: its cost stays bounded whatever the text's size. */
    public static final int SCAN = 20_000;

    private Snippets() {
    }

    /** The snippet of {@code text} for {@code query}, or null when no word of its first {@link #SCAN} characters matches. */
    public static String of(String text, String query) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> stems = Words.stems(query);
        String plain = text.substring(0, Math.min(text.length(), SCAN)).replaceAll("\\s+", " ").strip();
        Matcher words = WORD.matcher(plain);
        int firstMatch = -1;
        int wordIndex = 0;
        int[] recentStarts = new int[WORDS_BEFORE + 1];
        while (words.find()) {
            recentStarts[wordIndex % recentStarts.length] = words.start();
            if (matches(words.group(), stems)) {
                firstMatch = wordIndex;
                break;
            }
            wordIndex++;
        }
        if (firstMatch < 0) {
            return null;
        }
        int start = firstMatch < WORDS_BEFORE ? 0 : recentStarts[(firstMatch - WORDS_BEFORE) % recentStarts.length];
        int end = Math.min(plain.length(), start + LENGTH);
        while (end < plain.length() && Character.isLetterOrDigit(plain.charAt(end))) {
            end++;
        }
        return (start > 0 ? "…" : "") + highlight(plain.substring(start, end), stems) + (end < plain.length() ? "…" : "");
    }

    private static String highlight(String passage, List<String> stems) {
        StringBuilder html = new StringBuilder();
        Matcher words = WORD.matcher(passage);
        int last = 0;
        while (words.find()) {
            html.append(escape(passage.substring(last, words.start())));
            String word = escape(words.group());
            html.append(matches(words.group(), stems) ? "<mark>" + word + "</mark>" : word);
            last = words.end();
        }
        return html.append(escape(passage.substring(last))).toString();
    }

    private static boolean matches(String word, List<String> stems) {
        String lower = word.toLowerCase(Locale.ROOT);
        return stems.stream().anyMatch(stem -> lower.startsWith(stem) && lower.length() - stem.length() <= 3);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
