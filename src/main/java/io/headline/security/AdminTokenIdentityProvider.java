package io.headline.security;

import io.headline.common.HeadlineConfig;
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
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** Accepts the bootstrap admin token from configuration (HEADLINE_ADMIN_TOKEN). */
@ApplicationScoped
public class AdminTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final Optional<byte[]> adminTokenDigest;

    public AdminTokenIdentityProvider(HeadlineConfig config) {
        this.adminTokenDigest = config.adminToken().filter(t -> !t.isBlank()).map(AdminTokenIdentityProvider::sha256);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] presented = sha256(request.getToken().getToken());
        // Comparing digests in constant time reveals nothing about the token through timing.
        if (adminTokenDigest.isPresent() && MessageDigest.isEqual(adminTokenDigest.get(), presented)) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("admin-token"))
                    .addRole(Roles.ADMIN)
                    .build());
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("Unknown API token"));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
