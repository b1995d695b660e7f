package io.headline.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The SSRF guard: a hook may reach only public addresses, unless the operator allows private ones
 * (headline.webhooks.allow-private). Checked at registration and again at each delivery against the addresses the
 * name resolves to then, which the sender then connects to (so a name that resolves to a public address when checked
 * and to a private one when connecting, DNS rebinding, gets nowhere).
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
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http or https URL");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve: " + host);
        }
        if (!config.allowPrivate()) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw new Refused("resolves to " + address.getHostAddress() + ", a loopback, link-local, private, "
                            + "multicast or unspecified address, which webhooks may not reach");
                }
            }
        }
        return List.of(addresses);
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local addresses (isSiteLocalAddress covers only the old fec0::/10)
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            // ::ffff:a.b.c.d maps an IPv4 address: judge that one
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        // 0.0.0.0/8 ("this network"), 100.64.0.0/10 (carrier-grade NAT, shared like a private range)
        return first == 0 || (first == 100 && second >= 64 && second < 128);
    }
}
