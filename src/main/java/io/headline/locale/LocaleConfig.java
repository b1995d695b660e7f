package io.headline.locale;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The content's locales (HEADLINE_LOCALES). The prefix is {@code headline}, shared with HeadlineConfig as SmallRye
 * Config allows, because the setting is one value, headline.locales, rather than a group under it.
 */
@ConfigMapping(prefix = "headline")
public interface LocaleConfig {

    /**
     * The locales content may be written in, as BCP 47 tags separated by commas, the default first;
     * {@code tag:fallback} names the locale read when a text is missing in the tag's, e.g. {@code en,de,de-AT:de,fr}
     * (de-AT falls back to de, then en; fr to en). Every chain ends in the default; a tag without a fallback falls
     * back to the default. Checked at start-up (see {@link Locales}).
     */
    @WithDefault("en")
    String locales();
}
