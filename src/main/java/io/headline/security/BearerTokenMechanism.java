package io.headline.security;

import io.headline.common.ApiPaths;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** Reads {@code Authorization: Bearer <token>} (or a Ghost key, see {@link #presented}); no header means an anonymous caller, a malformed one is a 401. */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer ";
    /** The query parameter that carries a Ghost Content API key: a content token. */
    public static final String GHOST_KEY = "key";

    /**
     * Where a filter that already authenticated the request's token (the rate limiter, which runs first) leaves
     * the identity, so that the token is looked up once per request.
     */
    public static final String AUTHENTICATED = "headline.authenticated-identity";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = presented(context);
        if (header == null) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity known = context.get(AUTHENTICATED);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return requestOf(header)
                .map(identityProviderManager::authenticate)
                .orElseGet(() -> Uni.createFrom().failure(
                        new AuthenticationFailedException("Authorization is not a bearer token")));
    }

    /**
     * The credential a request presents, as an Authorization header value: the header itself, or on the Ghost Content
     * API (which takes its key as a query parameter) {@code Bearer <key>}; null when it presents none.
     */
    public static String presented(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header != null || !context.normalizedPath().startsWith(ApiPaths.GHOST_CONTENT + "/")) {
            return header;
        }
        String key = context.request().getParam(GHOST_KEY);
        return key == null ? null : SCHEME + key;
    }

    /** What an Authorization header asks to authenticate, or empty when it is not a bearer token. */
    public static Optional<TokenAuthenticationRequest> requestOf(String header) {
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.substring(SCHEME.length()).isBlank()) {
            return Optional.empty();
        }
        TokenCredential token = new TokenCredential(header.substring(SCHEME.length()).trim(), "bearer");
        return Optional.of(new TokenAuthenticationRequest(token));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"headline\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
