package io.headline.token;

import io.headline.author.AuthorMapper;
import io.headline.author.AuthorRepository;
import io.headline.common.error.ProblemException;
import io.headline.delivery.Cacheable;
import io.headline.invalidation.ContentChanged;
import io.headline.invalidation.Invalidated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class TokenService {

    /** Recording every use would write on every read; a minute is precise enough to see which tokens are alive. */
    public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRepository tokens;
    private final AuthorRepository authors;
    private final Clock clock;
    private final Event<ContentChanged> changes;

    public TokenService(TokenRepository tokens, AuthorRepository authors, Clock clock, Event<ContentChanged> changes) {
        this.tokens = tokens;
        this.authors = authors;
        this.clock = clock;
        this.changes = changes;
    }

    /** What a valid token stands for; used by the authentication of every request that carries one. */
    public record Holder(UUID id, String name, TokenRole role, UUID authorId, Instant expiresAt) {

        public boolean isExpiredAt(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }

        /**
         * Whether a copy of this holder is stale after {@code invalidated}: the token was revoked, or its author changed
         * (deleting an author deletes its tokens with it, in the database).
         */
        public boolean isStaleAfter(Invalidated invalidated) {
            return invalidated.touches(authorId == null ? Set.of(key(id))
                    : Set.of(key(id), Cacheable.key("author", authorId)));
        }
    }

    @Transactional
    public Optional<Holder> authenticate(String secret) {
        Instant now = clock.instant();
        return tokens.findByHash(hash(secret)).filter(t -> !t.isExpiredAt(now)).map(token -> {
            if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
                token.lastUsedAt = now.truncatedTo(ChronoUnit.SECONDS);
            }
            return new Holder(token.id, token.name, token.role, token.author == null ? null : token.author.id,
                    token.expiresAt);
        });
    }

    @Transactional
    public TokenView create(TokenInput input) {
        ApiToken token = new ApiToken();
        token.name = input.name().strip();
        token.role = input.role();
        if (input.author() != null) {
            token.author = authors.holdReference(input.author(), "author", "author");
        } else if (input.role() == TokenRole.author) {
            throw ProblemException.invalidField("author", "is required for an author token: the author it writes as");
        }
        token.expiresAt = input.expiresAt();
        token.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String secret = secretFor(input.role());
        token.tokenHash = hash(secret);
        tokens.persist(token);
        tokens.flush();
        return view(token, secret);
    }

    public List<TokenView> list() {
        return tokens.newestFirst().stream().map(t -> view(t, null)).toList();
    }

    /** Takes effect on every instance once committed: they drop the token from their caches (see TokenIdentityProvider). */
    @Transactional
    public boolean revoke(UUID id) {
        boolean revoked = tokens.deleteById(id);
        if (revoked) {
            changes.fire(ContentChanged.of(key(id)));
        }
        return revoked;
    }

    /** The invalidation key of a token. */
    public static String key(UUID id) {
        return "token:" + id;
    }

    /** SHA-256 of a token's secret, hex: what is stored, and what a presented token is looked up by. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * A content token is a key that front ends embed in public pages, and Ghost's own client (@tryghost/content-api)
     * refuses any key but 26 lower-case hex characters: content tokens take that form (104 random bits), so that one
     * key serves both APIs. Every other role keeps 256 bits behind the hl_ prefix that secret scanners recognise.
     */
    private static String secretFor(TokenRole role) {
        return role == TokenRole.content ? HexFormat.of().formatHex(randomBytes(13))
                : "hl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static TokenView view(ApiToken t, String secret) {
        return new TokenView(t.id, t.name, t.role, t.author == null ? null : AuthorMapper.toCompact(t.author),
                t.expiresAt, t.createdAt, t.lastUsedAt, secret);
    }
}
