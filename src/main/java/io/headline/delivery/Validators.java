package io.headline.delivery;

import io.headline.common.HttpDate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** The validators of a representation (RFC 9110 §8.8) and the conditional-GET checks that use them (§13.1). */
record Validators(String etag, Optional<Instant> lastModified) {

    /** An entity-tag's opaque part; a comma may sit inside one, so the field is scanned rather than split on commas. */
    private static final Pattern OPAQUE_TAG = Pattern.compile("\"[^\"]*\"");

    /** An entity-tag with its weakness marker, as If-Match lists them. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?(\"[^\"]*\")");

    static Validators of(byte[] body, Optional<Instant> lastModified) {
        return new Validators(strongTag(body), lastModified);
    }

    /** A strong ETag over the exact bytes sent: the first 16 bytes of their SHA-256, base64url, quoted. */
    static String strongTag(byte[] body) {
        byte[] digest = sha256(body);
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + '"';
    }

    /**
     * If-Match: {@code *}, or any listed tag equal to {@code etag} by strong comparison (RFC 9110 §8.8.3.2): a weak
     * tag never matches, since a write must rest on exactly the bytes the client saw.
     */
    static boolean matchesStrongly(String ifMatch, String etag) {
        if (ifMatch.trim().equals("*")) {
            return true;
        }
        return ENTITY_TAG.matcher(ifMatch).results().anyMatch(tag -> tag.group(1) == null && tag.group(2).equals(etag));
    }

    /** If-None-Match: {@code *}, or any listed tag equal to ours by weak comparison (W/ ignored), as GET uses. */
    boolean matchesAny(String ifNoneMatch) {
        return noneMatchHits(ifNoneMatch, etag);
    }

    static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        return OPAQUE_TAG.matcher(ifNoneMatch).results().anyMatch(tag -> tag.group().equals(etag));
    }

    /**
     * If-Modified-Since: true when nothing changed after the given time, at the one-second resolution of HTTP
     * dates. A value that is not an IMF-fixdate is ignored (the obsolete date formats too), as RFC 9110 asks for
     * an invalid one: the client then simply gets the full response.
     */
    boolean unmodifiedSince(String ifModifiedSince) {
        Optional<Instant> since = parseHttpDate(ifModifiedSince);
        return since.isPresent() && lastModified.isPresent()
                && !lastModified.get().truncatedTo(ChronoUnit.SECONDS).isAfter(since.get());
    }

    Optional<String> lastModifiedHeader() {
        return lastModified.map(HttpDate::format);
    }

    private static Optional<Instant> parseHttpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
