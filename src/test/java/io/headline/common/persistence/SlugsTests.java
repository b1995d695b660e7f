package io.headline.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Extraction sequel in the works | extraction-sequel-in-the-works
            Ça va? Déjà vu!                | ca-va-deja-vu
            Straße & Brücke                | strasse-and-brucke
            Smørrebrød in Łódź             | smorrebrod-in-lodz
            --Already--slugged--           | already-slugged
            Ｆｕｌｌｗｉｄｔｈ ２０２０          | fullwidth-2020
            """)
    void shouldFoldTextToUrlSafeAscii(String text, String slug) {
        assertThat(Slugs.slugify(text)).isEqualTo(slug).matches(Slugs.PATTERN);
    }

    @Test
    void shouldBeEmptyWhenNothingFoldsToAscii() {
        assertThat(Slugs.slugify("日本語")).isEmpty();
    }

    @Test
    void shouldCutLongTitlesAtAWordBoundaryLeavingRoomForASuffix() {
        String slug = Slugs.slugify("word ".repeat(60));

        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH - 4);
        assertThat(slug).endsWith("word").matches(Slugs.PATTERN);
    }

    @Test
    void shouldPickTheLowestFreeSuffix() {
        Set<String> taken = Set.of("news", "news-2", "news-4");

        assertThat(Slugs.firstFree("news", taken::contains)).isEqualTo("news-3");
        assertThat(Slugs.firstFree("sport", taken::contains)).isEqualTo("sport");
    }

    @Test
    void shouldRecogniseIdShapedSlugs() {
        assertThat(Slugs.looksLikeId("01a2124c-67f2-7b8a-8d9c-395b6bfab687")).isTrue();
        assertThat(Slugs.looksLikeId("extraction-sequel")).isFalse();
    }
}
