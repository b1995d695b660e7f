package io.headline.ops;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database a jar is built for ({@code quarkus.datasource.db-kind}, fixed by the build: h2 by default, postgresql
 * with -Ppostgresql) against the one its JDBC URL names. Started with the other flavour's URL, the driver fails with
 * "Driver does not support the provided URL", which says neither what is wrong nor what to do; this says both.
 */
public final class DatabaseFlavour {

    private static final Pattern URL_KIND = Pattern.compile("^jdbc:([a-z0-9]+):", Pattern.CASE_INSENSITIVE);

    private DatabaseFlavour() {
    }

    /**
     * Why a jar built for {@code builtKind} cannot use {@code url}, naming the fix; empty when they agree or when the
     * URL does not start as {@code jdbc:<kind>:}. Only the URL's {@code jdbc:<kind>:} prefix is repeated, never the
     * rest, which may hold a password.
     */
    public static Optional<String> mismatch(String builtKind, String url) {
        if (builtKind == null || url == null) {
            return Optional.empty();
        }
        Matcher matcher = URL_KIND.matcher(url.strip());
        if (!matcher.find()) {
            return Optional.empty();
        }
        String built = builtKind.strip().toLowerCase(Locale.ROOT);
        String urlKind = matcher.group(1).toLowerCase(Locale.ROOT);
        if (urlKind.equals(built)) {
            return Optional.empty();
        }
        String start = "This Headline jar was built for " + name(built) + " (quarkus.datasource.db-kind=" + built
                + ", fixed when the jar is built), but its database URL is " + urlName(urlKind) + " URL (" + matcher.group()
                + "...). ";
        String fix = switch (built) {
            case "h2" -> "Build the PostgreSQL flavour with ./mvnw package -Ppostgresql and start that, or start this one "
                    + "with an H2 URL (leave QUARKUS_DATASOURCE_JDBC_URL unset for jdbc:h2:file:./data/headline).";
            case "postgresql" -> "Set QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://<host>:5432/<database> (with "
                    + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD), or build the H2 flavour with "
                    + "./mvnw package (without -Ppostgresql).";
            default -> "Build for " + urlKind + " with ./mvnw package -Ddb.kind=" + urlKind + ", or give a " + name(built)
                    + " URL.";
        };
        return Optional.of(start + fix);
    }

    private static String urlName(String kind) {
        return switch (kind) {
            case "h2" -> "an H2";
            case "postgresql" -> "a PostgreSQL";
            default -> "a " + kind;
        };
    }

    private static String name(String kind) {
        return switch (kind) {
            case "h2" -> "the embedded H2 database";
            case "postgresql" -> "PostgreSQL";
            default -> kind;
        };
    }
}
