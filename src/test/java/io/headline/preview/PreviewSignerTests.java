package io.headline.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PreviewSignerTests {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final PreviewSigner signer = new PreviewSigner("test-secret".getBytes(StandardCharsets.UTF_8));
    private final PreviewSigner.Grant grant = new PreviewSigner.Grant(UUID.randomUUID(), NOW.plusSeconds(3600));

    @Test
    void shouldAcceptItsOwnTokenUntilItExpires() {
        String token = signer.sign(grant);

        assertThat(signer.verify(token, NOW)).contains(grant);
        assertThat(signer.verify(token, NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void shouldRefuseATamperedToken() {
        String token = signer.sign(grant);
        String later = signer.sign(new PreviewSigner.Grant(grant.articleId(), NOW.plusSeconds(99_999)));
        String forged = later.substring(0, later.indexOf('.')) + token.substring(token.indexOf('.'));
        char flipped = token.charAt(3) == 'A' ? 'B' : 'A';

        assertThat(signer.verify(forged, NOW)).isEmpty();
        assertThat(signer.verify(token.substring(0, 3) + flipped + token.substring(4), NOW)).isEmpty();
        assertThat(signer.verify("garbage", NOW)).isEmpty();
        assertThat(signer.verify("not.base64!", NOW)).isEmpty();
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() {
        PreviewSigner other = new PreviewSigner("another-secret".getBytes(StandardCharsets.UTF_8));

        assertThat(signer.verify(other.sign(grant), NOW)).isEmpty();
    }
}
