package io.headline.common.validation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The instants Headline accepts, in request bodies and query parameters alike: ISO-8601 date-times with an offset,
 * in years 0001 to 9999 (UTC). java.time reaches year ±999,999,999, PostgreSQL's timestamptz only 4713 BC to
 * 294276 AD and H2 further; four-digit years are what both store and every client parses.
 */
public final class StorableInstant {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final String RULE = "must be an ISO-8601 date-time with offset, e.g. 2020-01-01T00:00:00Z, "
            + "between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private StorableInstant() {
    }

    /** The instant {@code text} names, or empty if it is not one Headline accepts. */
    public static Optional<Instant> parse(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text.strip()).toInstant();
            return instant.isBefore(MIN) || instant.isAfter(MAX) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
