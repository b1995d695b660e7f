package io.headline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headline.common.error.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenditionTests {

    private static final List<Integer> SIZES = List.of(160, 320, 640);

    private static Rendition parse(String format, String q, String accept, boolean avif) {
        return Rendition.parse("320", null, null, format, q, accept, MediaKind.JPEG, SIZES, SIZES, avif);
    }

    @Test
    void shouldPickAvifThenWebpFromAcceptButNotWhatItRefusesWithQZero() {
        assertThat(parse("auto", null, "image/avif,image/webp,*/*", true).format()).isEqualTo(Rendition.Format.AVIF);
        assertThat(parse("auto", null, "image/avif;q=0, image/webp", true).format()).isEqualTo(Rendition.Format.WEBP);
        assertThat(parse("auto", null, "image/webp;q=0.0", true).format()).isEqualTo(Rendition.Format.JPEG);
        assertThat(parse("auto", null, "image/webp;q=0.5", true).format()).isEqualTo(Rendition.Format.WEBP);
        assertThat(parse("auto", null, null, true).format()).isEqualTo(Rendition.Format.JPEG);
    }

    @Test
    void shouldServeWebpForAutoAndRefuseAvifWhenTheEngineCannotWriteIt() {
        assertThat(parse("auto", null, "image/avif,image/webp", false).format()).isEqualTo(Rendition.Format.WEBP);
        assertThatThrownBy(() -> parse("avif", null, null, false)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("format");
    }

    @Test
    void shouldKeepOnePngWhateverQualityIsAskedFor() {
        assertThat(parse("png", "50", null, true).fileName()).isEqualTo(parse("png", "95", null, true).fileName());
        assertThat(parse("webp", "50", null, true).fileName()).isNotEqualTo(parse("webp", "95", null, true).fileName());
    }
}
