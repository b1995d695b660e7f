package io.headline.rendering;

/** An article body in every form the API serves, computed once when the body is written. */
public record Rendered(String html, String text, int wordCount) {

    /** Reading speed used for readingTimeMinutes: a common figure for adults reading on screen. */
    public static final int WORDS_PER_MINUTE = 230;

    public int readingTimeMinutes() {
        return wordCount == 0 ? 0 : Math.max(1, (wordCount + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }
}
