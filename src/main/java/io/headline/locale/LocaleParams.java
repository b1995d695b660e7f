package io.headline.locale;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** How a read chooses the locale it serves: {@code locale}, {@code fallback}, and Accept-Language. */
public class LocaleParams {

    @QueryParam("locale")
    @Parameter(description = "The locale to serve, a BCP 47 tag of the server's locales (headline.locales), or `*` "
            + "for every translation (a token that may see unpublished content). Each item is the best translation "
            + "the caller may see along the locale's fallbacks (for example de-AT, then de, then the default). "
            + "Without it, Accept-Language decides, then the server's default locale.",
            schema = @Schema(type = SchemaType.STRING, maxLength = LocaleTags.MAX_LENGTH), example = "de-AT")
    public String locale;

    @QueryParam("fallback")
    @Parameter(description = "`none` serves the exact locale only: an item without a visible translation in it is "
            + "404, and lists leave it out.", schema = @Schema(type = SchemaType.STRING, enumeration = "none"),
            example = "none")
    public String fallback;

    @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
    @Parameter(description = "Used when `locale` is absent: the best of the server's locales it accepts (RFC 4647 "
            + "lookup, quality values honoured). Responses then carry `Vary: Accept-Language`.",
            example = "de-AT,de;q=0.9,en;q=0.8")
    public String acceptLanguage;

    /**
     * What these parameters choose for a read that serves each item in one locale (a category, an author): there,
     * {@code locale=*} is a 400 naming the locales, as any other tag that is not one of them.
     */
    public LocaleChoice chooseOne(Locales locales) {
        if ("*".equals(locale)) {
            locales.parse(locale);
        }
        return choose(locales, false);
    }

    /** What these parameters choose. */
    public LocaleChoice choose(Locales locales, boolean mayReadAll) {
        return LocaleChoice.of(locales, locale, fallback, acceptLanguage, mayReadAll);
    }
}
