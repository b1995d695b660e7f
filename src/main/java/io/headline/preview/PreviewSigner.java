package io.headline.preview;

import io.headline.common.HeadlineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Preview tokens: an article id and an expiry, signed with HMAC-SHA256, so that a link grants a read of
 * one article until a time, and any change to it (another id, a later expiry) breaks the signature.
 */
@ApplicationScoped
public class PreviewSigner {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    @Inject
    public PreviewSigner(HeadlineConfig config) {
        this(config.preview().secret().filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(PreviewSigner::randomKey));
    }

    PreviewSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public record Grant(UUID articleId, Instant expiresAt) {
    }

    public String sign(Grant grant) {
        byte[] payload = ByteBuffer.allocate(24).putLong(grant.articleId().getMostSignificantBits())
                .putLong(grant.articleId().getLeastSignificantBits()).putLong(grant.expiresAt().getEpochSecond()).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The grant of a token whose signature holds and whose time has not run out. */
    public Optional<Grant> verify(String token, Instant now) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (payload.length != 24 || !MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            ByteBuffer fields = ByteBuffer.wrap(payload);
            Grant grant = new Grant(new UUID(fields.getLong(), fields.getLong()), Instant.ofEpochSecond(fields.getLong()));
            return grant.expiresAt().isAfter(now) ? Optional.of(grant) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
