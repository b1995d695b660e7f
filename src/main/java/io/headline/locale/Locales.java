package io.headline.locale;

import io.headline.common.error.ProblemException;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The locales content is written in (headline.locales), each with the chain of locales read in its place when a text
 * is missing, and the choice of one for a request: its {@code locale} parameter, else its Accept-Language, else the
 * default. Built at start-up ({@link Startup}) so that a wrong setting stops the application, with what is wrong.
 * Tags from requests are compared case-insensitively with the configured ones, as BCP 47 tags compare.
 */
@Singleton
@Startup
public class Locales {

    static final String PROPERTY = "headline.locales";

    private final List<String> all;
    /** Lower case to the configured spelling, in configured order. */
    private final Map<String, String> byLowerCase;
    private final Map<String, List<String>> chains;
    private final String allowed;

    @Inject
    Locales(LocaleConfig config) {
        this(config.locales());
    }

    private Locales(String setting) {
        Map<String, String> fallbacks = fallbacks(setting);
        this.all = List.copyOf(fallbacks.keySet());
        this.byLowerCase = new LinkedHashMap<>();
        all.forEach(tag -> byLowerCase.put(tag.toLowerCase(Locale.ROOT), tag));
        this.chains = new HashMap<>();
        all.forEach(tag -> chains.put(tag, chain(setting, tag, fallbacks)));
        this.allowed = String.join(", ", all);
    }

    /**
     * The locales of a headline.locales value, e.g. {@code en,de,de-AT:de,fr}.
     *
     * @throws ConfigurationException naming the property and what is wrong with the value
     */
    public static Locales of(String setting) {
        return new Locales(setting);
    }

    /** The first configured locale: what is read when nothing else is asked for, and where every chain ends. */
    public String defaultLocale() {
        return all.get(0);
    }

    /** The configured locales, normalised, in configured order. */
    public List<String> all() {
        return all;
    }

    /** Whether more than one locale is configured. */
    public boolean multiple() {
        return all.size() > 1;
    }

    /** Whether the tag, in any case ({@code DE-at}), is one of the configured locales. */
    public boolean configured(String tag) {
        return configuredSpelling(tag) != null;
    }

    /**
     * The locales to read in order for a configured tag: the tag, its fallback, theirs, ..., the default; the default's
     * own chain is the default alone.
     *
     * @throws IllegalArgumentException when the tag is not configured (pass what {@link #parse} or {@link #negotiate}
     *                                  chose)
     */
    public List<String> chain(String tag) {
        String configured = configuredSpelling(tag);
        if (configured == null) {
            throw new IllegalArgumentException("'" + tag + "' is not one of the configured locales (" + allowed + ")");
        }
        return chains.get(configured);
    }

    /**
     * A request's {@code locale} parameter as the configured locale it names, in any case.
     *
     * @throws ProblemException a 400 naming the configured locales, when it names none of them (or is absent)
     */
    public String parse(String raw) {
        String configured = configuredSpelling(raw);
        if (configured == null) {
            throw ProblemException.invalidParameter("locale", "must be one of " + allowed);
        }
        return configured;
    }

    /**
     * The configured locale an Accept-Language header asks for (RFC 4647 lookup, see {@link AcceptLanguage}), or the
     * default when it asks for none of them, is absent or is malformed. Never throws.
     */
    public String negotiate(String acceptLanguage) {
        return accepted(acceptLanguage).orElse(defaultLocale());
    }

    /**
     * The configured locale an Accept-Language header asks for (RFC 4647 lookup), or empty when it asks for none of
     * them, is absent or is malformed: then the caller has not chosen, and reads serve as without the header. Never
     * throws.
     */
    public Optional<String> accepted(String acceptLanguage) {
        return AcceptLanguage.parse(acceptLanguage).lookup(byLowerCase);
    }

    /**
     * The locale something is written in, in its configured spelling.
     *
     * @throws ProblemException a 422 on the field {@code locale} naming the configured locales, when it is none of them
     */
    public String writable(String raw) {
        String configured = configuredSpelling(LocaleTags.normalise(raw).orElse(raw));
        if (configured == null) {
            throw ProblemException.invalidField("locale", "must be one of the server's locales: " + allowed);
        }
        return configured;
    }

    /**
     * The locale a translation of a {@code kind}'s own text (a category's name) is written in, in its configured
     * spelling: one of the configured locales, but not the default, whose text is the {@code kind}'s own.
     *
     * @throws ProblemException a 422 on the field {@code locale}: it names the configured locales, or the default
     */
    public String translatable(String raw, String kind) {
        String configured = writable(raw);
        if (configured.equals(defaultLocale())) {
            throw ProblemException.invalidField("locale", "is the default locale, " + configured + ": write the "
                    + "default locale's text on the " + kind + " itself");
        }
        return configured;
    }

    private String configuredSpelling(String tag) {
        if (tag == null || tag.length() > LocaleTags.MAX_LENGTH) {
            return null;
        }
        return byLowerCase.get(tag.toLowerCase(Locale.ROOT));
    }

    /** Each configured tag, in order, to the fallback it names (null when it names none). */
    private static Map<String, String> fallbacks(String setting) {
        Map<String, String> fallbacks = new LinkedHashMap<>();
        Map<String, String> written = new HashMap<>();
        for (String entry : setting.split(",", -1)) {
            String[] parts = entry.strip().split(":", -1);
            if (parts[0].isEmpty()) {
                throw invalid(setting, "an entry is empty (two commas, or one at an end)");
            }
            if (parts.length > 2) {
                throw invalid(setting, "'" + entry.strip() + "' names more than one fallback; write tag:fallback");
            }
            String tag = normalised(setting, parts[0]);
            String before = written.putIfAbsent(tag, parts[0].strip());
            if (before != null) {
                throw invalid(setting, tag + " is listed twice" + (before.equals(parts[0].strip()) ? ""
                        : " (as '" + before + "' and '" + parts[0].strip() + "')"));
            }
            fallbacks.put(tag, parts.length == 2 ? normalised(setting, parts[1]) : null);
        }
        String defaultLocale = fallbacks.keySet().iterator().next();
        if (fallbacks.get(defaultLocale) != null) {
            throw invalid(setting, "the default locale, " + defaultLocale + " (the first), has a fallback, but every "
                    + "chain ends in the default");
        }
        fallbacks.forEach((tag, fallback) -> {
            if (fallback != null && !fallbacks.containsKey(fallback)) {
                throw invalid(setting, tag + " falls back to " + fallback + ", which is not one of the locales ("
                        + String.join(", ", fallbacks.keySet()) + ")");
            }
        });
        return fallbacks;
    }

    private static List<String> chain(String setting, String tag, Map<String, String> fallbacks) {
        String defaultLocale = fallbacks.keySet().iterator().next();
        List<String> chain = new ArrayList<>();
        for (String next = tag; next != null; next = fallbacks.get(next)) {
            if (chain.contains(next)) {
                chain.add(next);
                throw invalid(setting, "the fallbacks " + String.join(" -> ", chain.subList(chain.indexOf(next),
                        chain.size())) + " form a cycle, but every chain ends in the default, " + defaultLocale);
            }
            chain.add(next);
        }
        if (!chain.get(chain.size() - 1).equals(defaultLocale)) {
            chain.add(defaultLocale);
        }
        return Collections.unmodifiableList(chain);
    }

    private static String normalised(String setting, String written) {
        String tag = written.strip();
        return LocaleTags.normalise(tag).orElseThrow(() -> {
            String hint = LocaleTags.normalise(tag.replace('_', '-')).map(fixed -> " (write " + fixed + ")").orElse("");
            return invalid(setting, "'" + tag + "' is not a BCP 47 language tag" + hint);
        });
    }

    private static ConfigurationException invalid(String setting, String problem) {
        return new ConfigurationException(PROPERTY + " (HEADLINE_LOCALES) is '" + setting + "': " + problem + ". It "
                + "lists the locales, the default first, as BCP 47 tags, each with an optional :fallback, e.g. "
                + "en,de,de-AT:de,fr.", Set.of(PROPERTY));
    }
}
