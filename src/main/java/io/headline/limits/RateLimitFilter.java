package io.headline.limits;

import io.github.bucket4j.TimeMeter;
import io.headline.common.ApiPaths;
import io.headline.common.HeadlineConfig;
import io.headline.common.error.ProblemType;
import io.headline.security.BearerTokenMechanism;
import io.headline.security.Caller;
import io.headline.security.Roles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts every request under /api/ (and the Ghost Content API's, the feeds' and sitemaps') against its caller's quota,
 * chosen so that no caller can spend another's:
 * <ul>
 * <li>a secret API token (admin, editor, author, preview) by itself, whatever its address: only its holder has it;
 * <li>a content key by the key and the client address together: the key is public by design (it is in a front end's
 * pages and in Ghost Content API URLs), so anyone may use it, and each address spends only its own share;
 * <li>anyone else by client address. A request with a token that is not valid counts against its address, so
 * inventing tokens earns no fresh quota (and it is still answered 401 further on).
 * </ul>
 * The client address is the TCP peer, or what a trusted proxy forwards (see {@link ClientAddress}).
 *
 * <p>It is a Vert.x route filter, so it runs before Quarkus REST reads a body or starts a transaction, and it never
 * blocks: the bucket is lock-free and a token is checked off the event loop (a created token is looked up in the
 * database on a worker thread).
 */
@ApplicationScoped
class RateLimitFilter {

    /**
     * The header fields of draft-ietf-httpapi-ratelimit-headers (-09 and later): RateLimit-Policy names the quota
     * (q requests per w seconds) and RateLimit what is left of it (r requests; t seconds until it is whole again).
     * Chosen over the older RateLimit-Limit/-Remaining/-Reset trio because the draft dropped those, and its
     * structured fields carry the policy name and window, which the trio cannot.
     */
    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String STATE_HEADER = "RateLimit";
    static final String RETRY_AFTER = "Retry-After";

    /** After CORS (whose preflights are not API requests); before the body size check, so a refused body counts. */
    private static final int PRIORITY = SecurityHandlerPriorities.AUTHENTICATION - 10;

    private final RateLimiter anonymous;
    private final RateLimiter token;
    /**
     * Quotas of their own for tokens of some roles, by role. Content keys always have one, counted per address, so
     * their table of callers is their own: strangers' addresses never crowd out the secret tokens'.
     */
    private final Map<String, RateLimiter> roles;
    private final IdentityProviderManager identities;
    private final ClientAddress clientAddress;
    private final EarlyProblems problems;
    /** headline_rate_limit_refusals_total, by quota (its policy name). */
    private final Map<String, Counter> refusals;

    RateLimitFilter(HeadlineConfig config, IdentityProviderManager identities, ClientAddress clientAddress,
            EarlyProblems problems, MeterRegistry registry) {
        HeadlineConfig.RateLimit limits = config.rateLimit();
        this.anonymous = limiter("anonymous", limits.anonymous(), limits);
        this.token = limiter("token", limits.token(), limits);
        // As large as a token's, unless the role is given its own.
        Map<String, Long> quotas = new HashMap<>(limits.roles());
        quotas.putIfAbsent(Roles.CONTENT, limits.token());
        this.roles = quotas.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                quota -> limiter(quota.getKey(), quota.getValue(), limits)));
        this.identities = identities;
        this.clientAddress = clientAddress;
        this.problems = problems;
        this.refusals = Stream.concat(Stream.of(anonymous, token), roles.values().stream())
                .map(RateLimiter::policy).distinct()
                .collect(Collectors.toMap(Function.identity(), quota -> Counter.builder("headline.rate.limit.refusals")
                        .description("Requests refused 429 for their caller's quota").tag("quota", quota)
                        .register(registry)));
    }

    private static RateLimiter limiter(String policy, long limit, HeadlineConfig.RateLimit limits) {
        return new RateLimiter(policy, limit, limits.window(), limits.maxCallers(), TimeMeter.SYSTEM_NANOTIME);
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith("/api/") && !path.startsWith(ApiPaths.GHOST_CONTENT + "/") && !ApiPaths.isFeed(path)) {
            context.next();
            return;
        }
        // A Ghost Content API key counts as its token, like an Authorization header.
        String authorization = BearerTokenMechanism.presented(context);
        if (authorization == null) {
            limit(context, null);
            return;
        }
        // The token is checked here rather than through the request's deferred identity, whose failure would answer
        // 401 at once, before this filter could count the request and add its headers. The identity is handed on
        // to the authentication mechanism, so a valid token is looked up once.
        BearerTokenMechanism.requestOf(authorization)
                .map(request -> identities.authenticate(request).onFailure().recoverWithNull())
                .orElseGet(() -> Uni.createFrom().nullItem())
                .subscribe().with(identity -> limit(context, identity), context::fail);
    }

    private void limit(RoutingContext context, SecurityIdentity identity) {
        boolean hasToken = identity != null && !identity.isAnonymous();
        if (hasToken) {
            context.put(BearerTokenMechanism.AUTHENTICATED, identity);
        }
        boolean publicKey = hasToken && identity.hasRole(Roles.CONTENT);
        RateLimiter limiter = !hasToken ? anonymous : identity.getRoles().stream().map(roles::get)
                .filter(Objects::nonNull).findFirst().orElse(token);
        String caller = hasToken ? holder(identity) : clientAddress.of(context.request());
        if (publicKey) {
            caller += "@" + clientAddress.of(context.request());
        }
        RateLimiter.Decision decision = limiter.tryAcquire(caller);

        String policy = "\"" + limiter.policy() + "\"";
        HttpServerResponse response = context.response();
        response.putHeader(POLICY_HEADER, policy + ";q=" + limiter.limit() + ";w=" + limiter.window().toSeconds());
        response.putHeader(STATE_HEADER, policy + ";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
        if (decision.allowed()) {
            context.next();
            return;
        }
        refusals.get(limiter.policy()).increment();
        response.putHeader(RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        String who = !hasToken ? "client" : publicKey ? "content key, from this address," : "API token";
        problems.send(context, ProblemType.TOO_MANY_REQUESTS, "This " + who + " has used its " + limiter.limit()
                + " requests per " + limiter.window().toSeconds() + " seconds; retry after "
                + decision.retryAfterSeconds() + " seconds.");
    }

    /** A token created through the API counts by its id (names need not be unique); the bootstrap token by name. */
    private static String holder(SecurityIdentity identity) {
        Object tokenId = identity.getAttribute(Caller.TOKEN_ID);
        return tokenId != null ? tokenId.toString() : identity.getPrincipal().getName();
    }
}
