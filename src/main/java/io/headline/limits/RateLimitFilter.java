package io.headline.limits;

import io.github.bucket4j.TimeMeter;
import io.headline.common.ApiPaths;
import io.headline.common.HeadlineConfig;
import io.headline.common.error.ProblemType;
import io.headline.security.BearerTokenMechanism;
import io.headline.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts every request under /api/ (and the Ghost Content API's, the feeds' and sitemaps') against its caller's quota: an API token by its principal, anyone else by
 * client IP. A request with a token that is not valid counts against its IP, so inventing tokens earns no fresh
 * quota (and it is still answered 401 further on).
 *
 * <p>It is a Vert.x route filter, so it runs before Quarkus REST reads a body or starts a transaction, and it never
 * blocks: the bucket is lock-free and a token is checked off the event loop (a created token is looked up in the
 * database on a worker thread).
 *
 * <p>The client IP is the TCP peer. Behind a proxy or load balancer, set quarkus.http.proxy.proxy-address-forwarding
 * (and allow-x-forwarded or allow-forwarded) so that it is the client's address rather than the proxy's; not by
 * default, because a client could then choose its own address.
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
    /** Quotas of their own for tokens of some roles, by role. */
    private final Map<String, RateLimiter> roles;
    private final IdentityProviderManager identities;
    private final EarlyProblems problems;
    /** headline_rate_limit_refusals_total, by quota (its policy name). */
    private final Map<String, Counter> refusals;

    RateLimitFilter(HeadlineConfig config, IdentityProviderManager identities, EarlyProblems problems,
            MeterRegistry registry) {
        HeadlineConfig.RateLimit limits = config.rateLimit();
        this.anonymous = new RateLimiter("anonymous", limits.anonymous(), limits.window(), limits.maxCallers(),
                TimeMeter.SYSTEM_NANOTIME);
        this.token = new RateLimiter("token", limits.token(), limits.window(), limits.maxCallers(),
                TimeMeter.SYSTEM_NANOTIME);
        this.roles = limits.roles().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                role -> new RateLimiter(role.getKey(), role.getValue(), limits.window(), limits.maxCallers(),
                        TimeMeter.SYSTEM_NANOTIME)));
        this.identities = identities;
        this.problems = problems;
        this.refusals = Stream.concat(Stream.of(anonymous, token), roles.values().stream())
                .map(RateLimiter::policy).distinct()
                .collect(Collectors.toMap(Function.identity(), quota -> Counter.builder("headline.rate.limit.refusals")
                        .description("Requests refused 429 for their caller's quota").tag("quota", quota)
                        .register(registry)));
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
        RateLimiter limiter = !hasToken ? anonymous : identity.getRoles().stream().map(roles::get)
                .filter(Objects::nonNull).findFirst().orElse(token);
        Object tokenId = hasToken ? identity.getAttribute(Caller.TOKEN_ID) : null;
        // A token created through the API counts by its id (names need not be unique); the bootstrap token by name.
        String caller = !hasToken ? clientAddress(context)
                : tokenId != null ? tokenId.toString() : identity.getPrincipal().getName();
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
        problems.send(context, ProblemType.TOO_MANY_REQUESTS, "This " + (hasToken ? "API token" : "client")
                + " has used its " + limiter.limit() + " requests per " + limiter.window().toSeconds()
                + " seconds; retry after " + decision.retryAfterSeconds() + " seconds.");
    }

    /** No peer address (a Unix domain socket) means a local client: they all share one quota. */
    private static String clientAddress(RoutingContext context) {
        SocketAddress peer = context.request().remoteAddress();
        return peer == null ? "local" : peer.hostAddress();
    }
}
