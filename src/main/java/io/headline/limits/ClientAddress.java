package io.headline.limits;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The client address a request's quota is counted under. Forwarded headers ({@code X-Forwarded-For},
 * {@code Forwarded}) name it only when quarkus.http.proxy.trusted-proxies lists the proxies that send them: Quarkus
 * then takes them from those peers alone. Without that list Quarkus takes them from anyone, so every client could name
 * a fresh address, and a fresh quota, with each request; the connection's peer counts instead.
 */
@ApplicationScoped
class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class);

    private final boolean forwardedTrusted;

    ClientAddress(@ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding") Optional<Boolean> forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.forwardedTrusted = trustedProxies.isPresent();
        if (forwarding.orElse(false) && !forwardedTrusted) {
            LOG.warn("quarkus.http.proxy.proxy-address-forwarding is on, but no proxy is trusted: rate limits count "
                    + "each connection's peer address, not X-Forwarded-For or Forwarded, which any client can send. "
                    + "List the proxies in QUARKUS_HTTP_PROXY_TRUSTED_PROXIES (e.g. 10.0.0.5 or 10.0.0.0/24).");
        }
    }

    /** No peer address (a Unix domain socket) means a local client: they all share one quota. */
    String of(HttpServerRequest request) {
        SocketAddress address = forwardedTrusted ? request.remoteAddress() : request.connection().remoteAddress();
        return address == null ? "local" : address.hostAddress();
    }
}
