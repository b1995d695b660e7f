package io.headline.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhooks (HEADLINE_WEBHOOKS_...). */
@ConfigMapping(prefix = "headline.webhooks")
public interface WebhookConfig {

    /**
     * Whether hooks may target loopback, link-local, private (RFC 1918, fc00::/7), multicast, reserved or unspecified
     * addresses, directly or through an IPv6 tunnel (HEADLINE_WEBHOOKS_ALLOW_PRIVATE). Off, such a URL is refused at registration and at every delivery, against
     * the address actually connected to: for local development and tests only.
     */
    @WithDefault("false")
    boolean allowPrivate();

    /** How long a delivery is retried before it is dead (HEADLINE_WEBHOOKS_RETRY_PERIOD). */
    @WithDefault("24h")
    Duration retryPeriod();

    /**
     * How often this instance fans out new changes and sends due deliveries (HEADLINE_WEBHOOKS_POLL_INTERVAL); 0 turns
     * delivery off on this instance (others still deliver).
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long finished deliveries (succeeded, failed, dead) and their attempts are kept for the delivery log and
     * replay (HEADLINE_WEBHOOKS_RETENTION).
     */
    @WithDefault("720h")
    Duration retention();

    /** The longest one attempt may take, connection and response together (HEADLINE_WEBHOOKS_TIMEOUT). */
    @WithDefault("5s")
    Duration timeout();

    /**
     * How long a taken delivery is left to the instance that took it before another may take it again
     * (HEADLINE_WEBHOOKS_LEASE): how soon a delivery in flight when its instance died is sent again. An instance sends
     * a delivery only while what is left of its lease covers an attempt (else it gives it back), so that no other can
     * take it meanwhile; the lease must be longer than twice the timeout (the application refuses to start otherwise).
     */
    @WithDefault("2m")
    Duration lease();
}
