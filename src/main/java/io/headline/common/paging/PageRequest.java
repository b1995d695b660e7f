package io.headline.common.paging;

import io.headline.common.error.ProblemException;

/**
 * Which part of a list to return: a page number (offset paging) or a cursor (keyset paging), a size that
 * is bounded so that no list is ever silently capped, and whether to count the whole list.
 */
public record PageRequest(int page, int size, String cursor, boolean count) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /**
     * How deep offset paging goes: page × size at most this (like Elasticsearch's max_result_window). A database
     * reads and discards every row an OFFSET skips, so deeper pages cost more and more; a cursor costs the same at
     * any depth.
     */
    public static final int MAX_DEPTH = 10_000;

    /** Parses the raw query parameters, answering 400 for anything outside the documented range. */
    public static PageRequest parse(String page, String size, String cursor, String count) {
        if (page != null && cursor != null) {
            throw ProblemException.invalidParameter("cursor", "cannot be combined with page; use one or the other");
        }
        PageRequest request = new PageRequest(
                parseInteger("page", page, 1, 1, Integer.MAX_VALUE),
                parseInteger("size", size, DEFAULT_SIZE, 1, MAX_SIZE),
                cursor,
                parseBoolean("count", count, true));
        if ((long) request.page * request.size > MAX_DEPTH) {
            throw tooDeep("page", "times size must be at most " + MAX_DEPTH + ", was " + (long) request.page * request.size);
        }
        return request;
    }

    /** The answer to a position past {@link #MAX_DEPTH}: it names the way that goes deeper. */
    public static ProblemException tooDeep(String parameter, String rule) {
        return ProblemException.invalidParameter(parameter, rule + "; to go deeper, follow meta.nextCursor (pass it "
                + "as cursor), which costs the same at any depth");
    }

    public static PageRequest parse(String page, String size) {
        return parse(page, size, null, null);
    }

    public int offset() {
        return cursor == null ? (page - 1) * size : 0;
    }

    public static boolean parseBoolean(String name, String raw, boolean fallback) {
        if (raw == null) {
            return fallback;
        }
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidParameter(name, "must be true or false");
        };
    }

    /** A whole-number query parameter from {@code min} to {@code max}, {@code fallback} when absent; else a 400. */
    public static int parseInteger(String name, String raw, int fallback, int min, int max) {
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
