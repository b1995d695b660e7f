package io.headline.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** IMF-fixdate, the preferred HTTP-date (RFC 9110): always two-digit days, unlike RFC_1123_DATE_TIME's output. */
public final class HttpDate {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDate() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
