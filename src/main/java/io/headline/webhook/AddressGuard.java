package io.headline.webhook;

import io.headline.common.net.PublicAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * The SSRF guard for webhooks (see {@link PublicAddresses}): a hook may reach only public addresses, unless the
 * operator allows private ones (headline.webhooks.allow-private). Checked at registration and again at each delivery
 * against the addresses the name resolves to then, which the sender then connects to.
 */
@ApplicationScoped
class AddressGuard {

    /** Why a target may not be reached. */
    static class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final WebhookConfig config;

    AddressGuard(WebhookConfig config) {
        this.config = config;
    }

    /** The addresses of {@code url}'s host, all of them allowed; refused if any is not or the host is unknown. */
    List<InetAddress> resolve(URI url) throws Refused {
        try {
            return PublicAddresses.resolve(url, config.allowPrivate(), "webhooks");
        } catch (PublicAddresses.Refused e) {
            throw new Refused(e.getMessage());
        }
    }
}
