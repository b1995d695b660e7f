package io.headline.locale;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.HttpHeaders;

/** Says in a response which locale it serves (RFC 9110 §8.5). */
public final class ContentLanguage {

    private ContentLanguage() {
    }

    /** Sets Content-Language to {@code locale}; nothing when a response serves several ({@code locale=*}). */
    public static void set(HttpServerResponse response, String locale) {
        if (locale != null) {
            response.putHeader(HttpHeaders.CONTENT_LANGUAGE, locale);
        }
    }
}
