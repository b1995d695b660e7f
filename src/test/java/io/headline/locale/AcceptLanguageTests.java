package io.headline.locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Locales.negotiate: RFC 4647 lookup of an Accept-Language header among the configured locales. */
class AcceptLanguageTests {

    private static final Locales LOCALES = Locales.of("en,de,de-AT:de,fr");

    private static String negotiate(String acceptLanguage) {
        return LOCALES.negotiate(acceptLanguage);
    }

    @Test
    void shouldTakeTheMostPreferredConfiguredLocale() {
        assertThat(negotiate("de-AT,de;q=0.9,en;q=0.8")).isEqualTo("de-AT");
        assertThat(negotiate("en;q=0.8,de;q=0.9")).isEqualTo("de");
        assertThat(negotiate("es, fr;q=0.5")).isEqualTo("fr");
    }

    @Test
    void shouldTruncateARangeToAConfiguredPrefix() {
        assertThat(negotiate("fr-CH, fr;q=0.9")).isEqualTo("fr");
        assertThat(negotiate("de-CH")).isEqualTo("de");
        assertThat(negotiate("de-AT-x-vienna")).isEqualTo("de-AT");
        assertThat(negotiate("de-x-a-b")).isEqualTo("de");
    }

    @Test
    void shouldTruncateBeforeTryingALessPreferredRange() {
        assertThat(negotiate("de-CH, fr;q=0.9")).isEqualTo("de");
    }

    @Test
    void shouldIgnoreCase() {
        assertThat(negotiate("DE-at")).isEqualTo("de-AT");
        assertThat(negotiate("FR;Q=0.5, es")).isEqualTo("fr");
    }

    @Test
    void shouldTakeTheDefaultForAStar() {
        assertThat(negotiate("*")).isEqualTo("en");
        assertThat(negotiate("es, *;q=0.5")).isEqualTo("en");
        assertThat(negotiate("fr;q=0.4, *;q=0.5")).isEqualTo("en");
    }

    @Test
    void shouldTakeTheFirstAcceptableLocaleForAStarWhenTheDefaultIsRefused() {
        assertThat(negotiate("*, en;q=0")).isEqualTo("de");
        assertThat(negotiate("*, en;q=0, de;q=0")).isEqualTo("fr");
    }

    @Test
    void shouldNeverTakeALocaleRefusedWithQZero() {
        assertThat(negotiate("de;q=0")).isEqualTo("en");
        assertThat(negotiate("de;q=0, fr;q=0.1")).isEqualTo("fr");
        assertThat(negotiate("de-CH, de;q=0, fr;q=0.5")).isEqualTo("fr");
        assertThat(negotiate("de-AT;q=0.0, de;q=0.5")).isEqualTo("de");
    }

    @Test
    void shouldLetTheMostSpecificRangeDecideWhetherALocaleIsRefused() {
        assertThat(negotiate("de-AT;q=0.5, de;q=0")).isEqualTo("de-AT");
        assertThat(negotiate("*;q=0, fr;q=0.5")).isEqualTo("fr");
    }

    @Test
    void shouldKeepHeaderOrderBetweenEqualWeights() {
        assertThat(negotiate("fr;q=0.5, de;q=0.5")).isEqualTo("fr");
        assertThat(negotiate("de;q=0.5, fr;q=0.500")).isEqualTo("de");
        assertThat(negotiate("fr, de")).isEqualTo("fr");
    }

    @Test
    void shouldTakeTheDefaultWhenTheHeaderIsAbsentEmptyOrMatchesNothing() {
        assertThat(negotiate(null)).isEqualTo("en");
        assertThat(negotiate("")).isEqualTo("en");
        assertThat(negotiate("  , ,")).isEqualTo("en");
        assertThat(negotiate("es, it;q=0.5")).isEqualTo("en");
    }

    @Test
    void shouldSkipMalformedEntriesAndUseTheRest() {
        assertThat(negotiate("%%garbage!!, fr;q=0.3")).isEqualTo("fr");
        assertThat(negotiate("de_AT, fr;q=0.3")).isEqualTo("fr");
        assertThat(negotiate("toolonglanguage, de-")).isEqualTo("en");
        assertThat(negotiate(";;;,,,==;q=;")).isEqualTo("en");
        assertThat(negotiate("\u0000\uFFFF\uD800")).isEqualTo("en");
    }

    @Test
    void shouldSkipAnEntryWithAMalformedQValue() {
        assertThat(negotiate("de;q=abc, fr;q=0.5")).isEqualTo("fr");
        assertThat(negotiate("de;q=2, fr;q=0.5")).isEqualTo("fr");
        assertThat(negotiate("de;q=0.1234, fr;q=0.5")).isEqualTo("fr");
        assertThat(negotiate("de;q=-1, fr;q=0.5")).isEqualTo("fr");
        assertThat(negotiate("de;q, fr;q=0.5")).isEqualTo("fr");
        assertThat(negotiate("de;q=1.001, fr;q=0.5")).isEqualTo("fr");
    }

    @Test
    void shouldReadQValuesAsRfc9110WritesThem() {
        assertThat(negotiate("fr;q=0.999, de;q=1.000")).isEqualTo("de");
        assertThat(negotiate("fr;q=0.05, de;q=0.5")).isEqualTo("de");
        assertThat(negotiate("fr ; q=0.9 , de;q=0.8")).isEqualTo("fr");
        assertThat(negotiate("de;q=1.")).isEqualTo("de");
    }

    @Test
    void shouldIgnoreParametersOtherThanQ() {
        assertThat(negotiate("de;level=1;q=0.9, fr;q=0.8")).isEqualTo("de");
    }

    @Test
    void shouldReadOnlyTheFirstEntriesOfAVeryLongList() {
        String thousand = IntStream.range(0, 1000).mapToObj(i -> "es").collect(Collectors.joining(","));

        assertThat(AcceptLanguage.parse(thousand + ",de").ranges()).hasSize(AcceptLanguage.MAX_RANGES);
        assertThat(negotiate(thousand + ",de")).isEqualTo("en");
        assertThat(negotiate("fr;q=0.1," + thousand)).isEqualTo("fr");
    }

    @Test
    void shouldCountMalformedEntriesTowardsTheBound() {
        String garbage = IntStream.range(0, 1000).mapToObj(i -> "!").collect(Collectors.joining(","));

        assertThat(AcceptLanguage.parse(garbage + ",de").ranges()).isEmpty();
    }

    @Test
    void shouldReadOnlyTheStartOfAHugeHeader() {
        String huge = "fr;q=0.1, " + "x".repeat(100 * 1024) + ", de";

        assertThat(negotiate(huge)).isEqualTo("fr");
        assertThat(negotiate("x".repeat(100 * 1024))).isEqualTo("en");
        assertThat(negotiate("de".repeat(50 * 1024))).isEqualTo("en");
    }

    @Test
    void shouldDropTheEntryACutGoesThrough() {
        String header = "fr;q=0.1," + " ".repeat(AcceptLanguage.MAX_LENGTH - 13) + ", de-AT";

        assertThat(header.length()).isGreaterThan(AcceptLanguage.MAX_LENGTH);
        assertThat(header.substring(0, AcceptLanguage.MAX_LENGTH)).endsWith(", de");
        assertThat(negotiate(header)).isEqualTo("fr");
    }

    @Test
    void shouldNeverThrow() {
        for (String header : new String[] {null, "", ",", ";", "=", "*;q=", "q=1", ";q=1", "*-de", "de;;q=0.5",
                "de;=", "de;q=0.5;q=abc", "\t", "de\r\n", "ä", "\uD83D\uDE00"}) {
            assertThatCode(() -> negotiate(header)).as("Accept-Language: %s", header).doesNotThrowAnyException();
        }
    }
}
