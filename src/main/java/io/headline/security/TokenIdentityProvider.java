package io.headline.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.headline.common.HeadlineConfig;
import io.headline.invalidation.Invalidated;
import io.headline.token.TokenService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a bearer token into a caller: the bootstrap admin token from configuration (HEADLINE_ADMIN_TOKEN),
 * or a token created through the API, looked up by its hash on a worker thread.
 *
 * <p>A token found is remembered for a minute (the precision of its lastUsedAt, which the next lookup records), so
 * that a request with a known token is authenticated without blocking. Whatever ends a token takes effect at once, on
 * every instance: a revocation, or a change to its author (deleting the author deletes its tokens), drops it
 * ({@link Invalidated}, which other instances' writes reach through the database), and its expiry is checked against
 * the clock on every use. A lookup that an invalidation overtook is not remembered, as it may have read the token
 * before the write that ended it committed.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final Optional<String> adminTokenHash;
    private static final int MAX_REMEMBERED = 10_000;

    private final TokenService tokens;
    private final Clock clock;
    /** Counts the invalidations seen, so that a lookup can tell whether one came while it read. */
    private final AtomicLong invalidations = new AtomicLong();
    /** By hash of the secret. */
    private final Cache<String, TokenService.Holder> known = Caffeine.newBuilder()
            .maximumSize(MAX_REMEMBERED)
            .expireAfterWrite(TokenService.LAST_USED_PRECISION)
            .build();

    public TokenIdentityProvider(HeadlineConfig config, TokenService tokens, Clock clock) {
        this.adminTokenHash = config.adminToken().filter(t -> !t.isBlank()).map(TokenService::hash);
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        String hash = TokenService.hash(secret);
        // Comparing digests in constant time reveals nothing about the admin token through timing.
        if (adminTokenHash.isPresent() && MessageDigest.isEqual(adminTokenHash.get().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))) {
            return Uni.createFrom().item(identity("admin-token", Roles.ADMIN).build());
        }
        TokenService.Holder remembered = known.getIfPresent(hash);
        if (remembered != null) {
            if (remembered.isExpiredAt(clock.instant())) {
                known.invalidate(hash);
                return Uni.createFrom().failure(unknown());
            }
            return Uni.createFrom().item(identity(remembered));
        }
        return context.runBlocking(() -> {
            long seen = invalidations.get();
            return tokens.authenticate(secret)
                    .map(holder -> {
                        known.put(hash, holder);
                        if (invalidations.get() != seen) {
                            known.invalidate(hash);
                        }
                        return identity(holder);
                    })
                    .orElseThrow(TokenIdentityProvider::unknown);
        });
    }

    void forget(@Observes Invalidated invalidated) {
        invalidations.incrementAndGet();
        if (invalidated.everything()) {
            known.invalidateAll();
        } else {
            known.asMap().values().removeIf(holder -> holder.isStaleAfter(invalidated));
        }
    }

    private static SecurityIdentity identity(TokenService.Holder holder) {
        QuarkusSecurityIdentity.Builder builder = identity(holder.name(), holder.role().name())
                .addAttribute(Caller.TOKEN_ID, holder.id());
        if (holder.authorId() != null) {
            builder.addAttribute(Caller.AUTHOR_ID, holder.authorId());
        }
        return builder.build();
    }

    private static AuthenticationFailedException unknown() {
        return new AuthenticationFailedException("Unknown, revoked or expired API token");
    }

    private static QuarkusSecurityIdentity.Builder identity(String name, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole(role)
                .addRole(Roles.READER);
    }
}
