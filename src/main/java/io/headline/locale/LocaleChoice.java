package io.headline.locale;

import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import java.util.List;
import java.util.Optional;

/**
 * The locales a read serves, best first: the one the caller names ({@code ?locale=}), else the best of its
 * Accept-Language, else the default; each followed by its fallbacks unless {@code fallback=none}.
 *
 * @param chain  the locales to try in order; null for every locale ({@code locale=*}, token holders only)
 * @param stated whether the caller chose (a {@code locale}, or an Accept-Language that asks for one of the locales),
 *               rather than the default applying
 * @param named  whether the caller named the locale ({@code locale}), rather than its Accept-Language choosing it
 */
public record LocaleChoice(List<String> chain, boolean stated, boolean named) {

    /** Every translation ({@code locale=*}). */
    public static final LocaleChoice ALL = new LocaleChoice(null, true, true);

    /** The {@code fallback} value that serves the exact locale only. */
    public static final String NO_FALLBACK = "none";

    /**
     * @param locale         the {@code locale} query parameter, or null
     * @param fallback       the {@code fallback} query parameter: null, or "none"
     * @param acceptLanguage the Accept-Language header, or null
     * @param mayReadAll     whether the caller may ask for every translation (sees unpublished content)
     */
    public static LocaleChoice of(Locales locales, String locale, String fallback, String acceptLanguage,
            boolean mayReadAll) {
        if (fallback != null && !fallback.equals(NO_FALLBACK)) {
            throw ProblemException.invalidParameter("fallback", "must be 'none' (serve the exact locale only) or "
                    + "absent (follow the locale's fallbacks)");
        }
        boolean exact = fallback != null;
        if ("*".equals(locale)) {
            if (!mayReadAll) {
                throw new ProblemException(ProblemType.FORBIDDEN,
                        "locale=* (every translation) needs a token that may see unpublished content.");
            }
            return ALL;
        }
        if (locale != null) {
            return of(locales, locales.parse(locale), exact, true, true);
        }
        Optional<String> accepted = locales.multiple() ? locales.accepted(acceptLanguage) : Optional.empty();
        if (accepted.isPresent()) {
            return of(locales, accepted.get(), exact, true, false);
        }
        return of(locales, locales.defaultLocale(), exact, false, false);
    }

    private static LocaleChoice of(Locales locales, String tag, boolean exact, boolean stated, boolean named) {
        return new LocaleChoice(exact ? List.of(tag) : locales.chain(tag), stated, named);
    }

    /** The default locale with its (empty) chain: what a read serves when nothing is asked. */
    public static LocaleChoice byDefault(Locales locales) {
        return new LocaleChoice(locales.chain(locales.defaultLocale()), false, false);
    }

    /**
     * What a translation's own locale serves: it, then its fallbacks. A locale no longer configured (rows written
     * before the configuration changed) serves the default's chain, where the translation itself is not.
     */
    public static LocaleChoice from(Locales locales, String locale) {
        return new LocaleChoice(locales.chain(locales.configured(locale) ? locale : locales.defaultLocale()), false,
                false);
    }

    public boolean all() {
        return chain == null;
    }

    /** The locale asked for (the chain's first); null for every locale. */
    public String first() {
        return chain == null ? null : chain.get(0);
    }

    /** Where {@code locale} stands in the chain (0 is best); past the end when it is not in it. */
    public int rank(String locale) {
        if (chain == null) {
            return 0;
        }
        int at = chain.indexOf(locale);
        return at < 0 ? chain.size() : at;
    }
}
