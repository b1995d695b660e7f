package io.headline.common.paging;

import io.headline.common.error.ProblemException;

/** A validated page of a list: page numbers start at 1, size is bounded so no list is ever silently capped. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Parses the raw query parameters, answering 400 for anything outside the documented range. */
    public static PageRequest parse(String page, String size) {
        return new PageRequest(
                parse("page", page, 1, 1, Integer.MAX_VALUE),
                parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    public int offset() {
        return (page - 1) * size;
    }

    private static int parse(String name, String raw, int fallback, int min, int max) {
        if (raw == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter(name, "must be a whole number from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw ProblemException.invalidParameter(name, "must be from " + min + " to " + max + ", was " + value);
        }
        return value;
    }
}
