package io.headline.locale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocaleTagsTests {

    @Test
    void shouldSpellTagsInTheirCanonicalCase() {
        assertThat(LocaleTags.normalise("de-at")).hasValue("de-AT");
        assertThat(LocaleTags.normalise("EN")).hasValue("en");
        assertThat(LocaleTags.normalise("zh-hant-tw")).hasValue("zh-Hant-TW");
        assertThat(LocaleTags.normalise("SR-LATN")).hasValue("sr-Latn");
        assertThat(LocaleTags.normalise("es-419")).hasValue("es-419");
        assertThat(LocaleTags.normalise("de-DE-1901")).hasValue("de-DE-1901");
    }

    @Test
    void shouldRefuseMalformedTags() {
        assertThat(LocaleTags.normalise(null)).isEmpty();
        assertThat(LocaleTags.normalise("")).isEmpty();
        assertThat(LocaleTags.normalise("de_AT")).isEmpty();
        assertThat(LocaleTags.normalise("de-")).isEmpty();
        assertThat(LocaleTags.normalise(" de")).isEmpty();
        assertThat(LocaleTags.normalise("toolonglanguage")).isEmpty();
        assertThat(LocaleTags.normalise("de-AT-at")).isEmpty();
        assertThat(LocaleTags.normalise("1de")).isEmpty();
        assertThat(LocaleTags.normalise("*")).isEmpty();
    }

    @Test
    void shouldRefuseTagsWithoutALanguage() {
        assertThat(LocaleTags.normalise("und")).isEmpty();
        assertThat(LocaleTags.normalise("x-private")).isEmpty();
    }

    @Test
    void shouldRefuseTagsLongerThanTheBound() {
        String longTag = "en" + "-abcdefgh".repeat(10);

        assertThat(longTag).hasSizeGreaterThan(LocaleTags.MAX_LENGTH);
        assertThat(LocaleTags.normalise(longTag)).isEmpty();
        assertThat(LocaleTags.normalise("de".repeat(50_000))).isEmpty();
    }
}
