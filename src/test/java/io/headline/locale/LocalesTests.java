package io.headline.locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class LocalesTests {

    private static final Locales SEVERAL = Locales.of("en,de,de-AT:de,fr");

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String setting) {
        return assertThatThrownBy(() -> Locales.of(setting)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("headline.locales (HEADLINE_LOCALES) is '" + setting + "': ");
    }

    @Test
    void shouldBeEnglishAloneByDefault() {
        Locales locales = new Locales(new SmallRyeConfigBuilder().withMapping(LocaleConfig.class).build()
                .getConfigMapping(LocaleConfig.class));

        assertThat(locales.defaultLocale()).isEqualTo("en");
        assertThat(locales.all()).containsExactly("en");
        assertThat(locales.multiple()).isFalse();
        assertThat(locales.chain("en")).containsExactly("en");
        assertThat(locales.negotiate("de-AT,de;q=0.9")).isEqualTo("en");
    }

    @Test
    void shouldReadHeadlineLocalesFromTheEnvironment() {
        Locales locales = new Locales(new SmallRyeConfigBuilder().withMapping(LocaleConfig.class)
                .withSources(new EnvConfigSource(Map.of("HEADLINE_LOCALES", "en,de"), 300)).build()
                .getConfigMapping(LocaleConfig.class));

        assertThat(locales.all()).containsExactly("en", "de");
    }

    @Test
    void shouldListTheLocalesInConfiguredOrderWithTheFirstAsDefault() {
        assertThat(SEVERAL.defaultLocale()).isEqualTo("en");
        assertThat(SEVERAL.all()).containsExactly("en", "de", "de-AT", "fr");
        assertThat(SEVERAL.multiple()).isTrue();
    }

    @Test
    void shouldEndEveryChainInTheDefault() {
        assertThat(SEVERAL.chain("de-AT")).containsExactly("de-AT", "de", "en");
        assertThat(SEVERAL.chain("de")).containsExactly("de", "en");
        assertThat(SEVERAL.chain("fr")).containsExactly("fr", "en");
        assertThat(SEVERAL.chain("en")).containsExactly("en");
        assertThat(Locales.of("en,de:en").chain("de")).containsExactly("de", "en");
        assertThat(Locales.of("en,es-MX:es-419,es-419:es,es").chain("es-MX")).containsExactly("es-MX", "es-419", "es",
                "en");
    }

    @Test
    void shouldNormaliseTheConfiguredTags() {
        Locales locales = Locales.of(" EN , de-at:DE ,de, zh-hant-tw ");

        assertThat(locales.all()).containsExactly("en", "de-AT", "de", "zh-Hant-TW");
        assertThat(locales.chain("de-AT")).containsExactly("de-AT", "de", "en");
    }

    @Test
    void shouldFindConfiguredTagsInAnyCase() {
        assertThat(SEVERAL.configured("de-AT")).isTrue();
        assertThat(SEVERAL.configured("DE-at")).isTrue();
        assertThat(SEVERAL.configured("de-CH")).isFalse();
        assertThat(SEVERAL.configured(null)).isFalse();
        assertThat(SEVERAL.chain("DE-AT")).containsExactly("de-AT", "de", "en");
    }

    @Test
    void shouldRefuseTheChainOfATagThatIsNotConfigured() {
        assertThatThrownBy(() -> SEVERAL.chain("es")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en, de, de-AT, fr");
    }

    @Test
    void shouldParseALocaleParameterToItsConfiguredSpelling() {
        assertThat(SEVERAL.parse("de-AT")).isEqualTo("de-AT");
        assertThat(SEVERAL.parse("de-at")).isEqualTo("de-AT");
        assertThat(SEVERAL.parse("FR")).isEqualTo("fr");
    }

    @Test
    void shouldRefuseALocaleParameterThatIsNotConfiguredNamingTheAllowedOnes() {
        for (String raw : new String[] {"es", "de-CH", "de_AT", "", " de", "*", "x".repeat(100_000), null}) {
            assertThatThrownBy(() -> SEVERAL.parse(raw)).as("locale=%.20s", raw)
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.type()).isEqualTo(ProblemType.INVALID_PARAMETER);
                        assertThat(problem.getMessage())
                                .isEqualTo("Query parameter 'locale' must be one of en, de, de-AT, fr.");
                        assertThat(problem.errors()).singleElement()
                                .satisfies(error -> assertThat(error.field()).isEqualTo("locale"));
                    });
        }
    }

    @Test
    void shouldRefuseAMalformedTagSayingHowToWriteIt() {
        assertRefused("en,de_AT").hasMessageContaining("'de_AT' is not a BCP 47 language tag (write de-AT)");
        assertRefused("en,de-AT-at").hasMessageContaining("'de-AT-at' is not a BCP 47 language tag.");
        assertRefused("en,de:d e").hasMessageContaining("'d e' is not a BCP 47 language tag.");
    }

    @Test
    void shouldRefuseSingleLetterTagsWhichBcp47DoesNotHave() {
        assertRefused("en,a:b,b:a").hasMessageContaining("'a' is not a BCP 47 language tag.");
    }

    @Test
    void shouldRefuseAnEmptyEntry() {
        assertRefused("en,,de").hasMessageContaining("an entry is empty");
        assertRefused("en,de,").hasMessageContaining("an entry is empty");
        assertRefused(" ").hasMessageContaining("an entry is empty");
    }

    @Test
    void shouldRefuseMoreThanOneFallbackInAnEntry() {
        assertRefused("en,de,de-AT:de:en").hasMessageContaining("'de-AT:de:en' names more than one fallback");
    }

    @Test
    void shouldRefuseAnUnknownFallback() {
        assertRefused("en,de-AT:de").hasMessageContaining("de-AT falls back to de, which is not one of the locales "
                + "(en, de-AT)");
    }

    @Test
    void shouldRefuseACycle() {
        assertRefused("en,de:fr,fr:de").hasMessageContaining("the fallbacks de -> fr -> de form a cycle, but every "
                + "chain ends in the default, en");
        assertRefused("en,de,fr:fr").hasMessageContaining("the fallbacks fr -> fr form a cycle");
        assertRefused("en,it:de,de:es,es:fr,fr:de").hasMessageContaining("the fallbacks de -> es -> fr -> de form a "
                + "cycle");
    }

    @Test
    void shouldRefuseADuplicate() {
        assertRefused("en,de,fr,de").hasMessageContaining("de is listed twice.");
        assertRefused("en,de-AT,de-at:en").hasMessageContaining("de-AT is listed twice (as 'de-AT' and 'de-at')");
    }

    @Test
    void shouldRefuseAFallbackOnTheDefault() {
        assertRefused("en:de,de").hasMessageContaining("the default locale, en (the first), has a fallback");
    }

    @Test
    void shouldNameThePropertyForStartUpFailures() {
        assertThatThrownBy(() -> Locales.of("en,de:fr,fr:de")).isInstanceOfSatisfying(ConfigurationException.class,
                failure -> assertThat(failure.getConfigKeys()).containsExactly("headline.locales"));
    }
}
