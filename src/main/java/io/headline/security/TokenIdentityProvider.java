package io.headline.security;

import io.headline.common.HeadlineConfig;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Turns a bearer token into a caller: the bootstrap admin token from configuration (HEADLINE_ADMIN_TOKEN),
 * or a token created through the API, looked up by its hash on a worker thread.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final Optional<String> adminTokenHash;
    private final TokenService tokens;

    public TokenIdentityProvider(HeadlineConfig config, TokenService tokens) {
        this.adminTokenHash = config.adminToken().filter(t -> !t.isBlank()).map(TokenService::hash);
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        // Comparing digests in constant time reveals nothing about the admin token through timing.
        if (adminTokenHash.isPresent() && MessageDigest.isEqual(adminTokenHash.get().getBytes(StandardCharsets.US_ASCII),
                TokenService.hash(secret).getBytes(StandardCharsets.US_ASCII))) {
            return Uni.createFrom().item(identity("admin-token", Roles.ADMIN).build());
        }
        return context.runBlocking(() -> tokens.authenticate(secret)
                .map(holder -> {
                    QuarkusSecurityIdentity.Builder builder = identity(holder.name(), holder.role().name())
                            .addAttribute(Caller.TOKEN_ID, holder.id());
                    if (holder.authorId() != null) {
                        builder.addAttribute(Caller.AUTHOR_ID, holder.authorId());
                    }
                    return (SecurityIdentity) builder.build();
                })
                .orElseThrow(() -> new AuthenticationFailedException("Unknown, revoked or expired API token")));
    }

    private static QuarkusSecurityIdentity.Builder identity(String name, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole(role)
                .addRole(Roles.READER);
    }
}
