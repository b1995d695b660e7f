package io.headline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidatorsTests {

    private static final Instant CHANGED = Instant.parse("2020-03-04T05:06:07.891Z");

    private static Validators of(String body) {
        return Validators.of(body.getBytes(StandardCharsets.UTF_8), Optional.of(CHANGED));
    }

    @Test
    void shouldDeriveAStrongETagFromTheExactBytes() {
        assertThat(of("{\"a\":1}").etag()).matches("\"[A-Za-z0-9_-]{22}\"").isEqualTo(of("{\"a\":1}").etag());
        assertThat(of("{\"a\":1}").etag()).isNotEqualTo(of("{\"a\": 1}").etag());
    }

    @Test
    void shouldMatchIfNoneMatchWeaklyInAListOrByStar() {
        Validators validators = of("{}");
        String etag = validators.etag();

        assertThat(validators.matchesAny(etag)).isTrue();
        assertThat(validators.matchesAny("W/" + etag)).isTrue();
        assertThat(validators.matchesAny("\"a,b\", W/\"x\"," + etag)).isTrue();
        assertThat(validators.matchesAny(" * ")).isTrue();
        assertThat(validators.matchesAny("\"a,b\", W/\"x\"")).isFalse();
        assertThat(validators.matchesAny(etag.replace("\"", ""))).isFalse();
    }

    @Test
    void shouldMatchIfMatchStronglyInAListOrByStar() {
        String etag = of("{}").etag();

        assertThat(Validators.matchesStrongly(etag, etag)).isTrue();
        assertThat(Validators.matchesStrongly("\"a,b\", " + etag, etag)).isTrue();
        assertThat(Validators.matchesStrongly(" * ", etag)).isTrue();
        assertThat(Validators.matchesStrongly("W/" + etag, etag)).isFalse();
        assertThat(Validators.matchesStrongly(etag.replace("\"", ""), etag)).isFalse();
    }

    @Test
    void shouldCompareIfModifiedSinceToTheSecond() {
        Validators validators = of("{}");

        assertThat(validators.unmodifiedSince("Wed, 04 Mar 2020 05:06:07 GMT")).isTrue();
        assertThat(validators.unmodifiedSince("Wed, 04 Mar 2020 05:06:08 GMT")).isTrue();
        assertThat(validators.unmodifiedSince("Wed, 04 Mar 2020 05:06:06 GMT")).isFalse();
    }

    @Test
    void shouldIgnoreAnInvalidIfModifiedSince() {
        assertThat(of("{}").unmodifiedSince("yesterday")).isFalse();
        assertThat(Validators.of(new byte[0], Optional.empty()).unmodifiedSince("Wed, 04 Mar 2020 05:06:07 GMT"))
                .isFalse();
    }

    @Test
    void shouldWriteLastModifiedAsAnImfFixdate() {
        assertThat(of("{}").lastModifiedHeader()).contains("Wed, 04 Mar 2020 05:06:07 GMT");
    }
}
