package io.headline.common.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The SSRF guard of every outbound request a caller can aim (webhooks, media fetched by URL): a target may be only a
 * public address, unless the operator allows private ones. The caller connects to the addresses checked here, never
 * resolving the name again, so a name that resolves to a public address when checked and to a private one when
 * connecting (DNS rebinding) gets nowhere.
 */
public final class PublicAddresses {

    /** Why a target may not be reached. */
    public static class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private PublicAddresses() {
    }

    /** The addresses of {@code url}'s host, all of them allowed; refused if any is not or the host is unknown. */
    public static List<InetAddress> resolve(URI url, boolean allowPrivate, String who) throws Refused {
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
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw new Refused("resolves to " + address.getHostAddress() + ", a loopback, link-local, private, "
                            + "multicast, reserved or unspecified address, which " + who + " may not reach");
                }
            }
        }
        return List.of(addresses);
    }

    /**
     * IPv4 blocks refused besides those {@link InetAddress} recognizes (loopback, link-local, RFC 1918, multicast): none
     * of them is a public host.
     */
    private static final List<Block4> REFUSED_V4 = List.of(
            Block4.of("0.0.0.0/8"), // "this network"
            Block4.of("100.64.0.0/10"), // carrier-grade NAT, shared like a private range
            Block4.of("192.0.0.0/24"), // IETF protocol assignments
            Block4.of("198.18.0.0/15"), // benchmarking
            Block4.of("240.0.0.0/4")); // reserved, with 255.255.255.255 (broadcast)

    /**
     * IPv6 blocks that lead to an IPv4 address: judged by that address, or refused outright when it cannot be told
     * (where the host is is the relay's or the local operator's business).
     */
    private static final List<Tunnel6> TUNNELS = List.of(
            new Tunnel6(12, 0, 0, 0, 0, 0, 0xffff), // ::ffff:0:0/96, IPv4-mapped
            new Tunnel6(12, 0, 0, 0, 0, 0xffff, 0), // ::ffff:0:0:0/96, IPv4-translated (SIIT)
            new Tunnel6(12, 0, 0, 0, 0, 0, 0), // ::/96, IPv4-compatible (deprecated)
            new Tunnel6(12, 0x64, 0xff9b, 0, 0, 0, 0), // 64:ff9b::/96, NAT64
            new Tunnel6(2, 0x2002), // 2002::/16, 6to4
            new Tunnel6(Tunnel6.REFUSED, 0x64, 0xff9b, 1), // 64:ff9b:1::/48, local NAT64: its IPv4 may sit anywhere
            new Tunnel6(Tunnel6.REFUSED, 0x2001, 0)); // 2001::/32, Teredo: tunnels to any host

    public static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (!(address instanceof Inet6Address)) {
            return REFUSED_V4.stream().anyMatch(block -> block.contains(b));
        }
        // fc00::/7, unique local addresses (isSiteLocalAddress covers only the old fec0::/10)
        if ((b[0] & 0xfe) == 0xfc) {
            return true;
        }
        for (Tunnel6 tunnel : TUNNELS) {
            if (tunnel.contains(b)) {
                return tunnel.v4At() == Tunnel6.REFUSED || isPrivate(v4(Arrays.copyOfRange(b, tunnel.v4At(),
                        tunnel.v4At() + 4)));
            }
        }
        return false;
    }

    private static InetAddress v4(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // four bytes are always an address
        }
    }

    /** An IPv4 block, a.b.c.d/bits. */
    private record Block4(int network, int bits) {

        static Block4 of(String cidr) {
            String[] parts = cidr.split("[./]");
            int network = 0;
            for (int i = 0; i < 4; i++) {
                network = network << 8 | Integer.parseInt(parts[i]);
            }
            return new Block4(network, Integer.parseInt(parts[4]));
        }

        boolean contains(byte[] address) {
            return ((ByteBuffer.wrap(address).getInt() ^ network) >>> (32 - bits)) == 0;
        }
    }

    /** An IPv6 block given by its leading 16-bit groups, carrying an IPv4 address from byte {@code v4At}. */
    private record Tunnel6(int v4At, int... groups) {

        static final int REFUSED = -1;

        boolean contains(byte[] address) {
            for (int i = 0; i < groups.length; i++) {
                if (((address[2 * i] & 0xff) << 8 | (address[2 * i + 1] & 0xff)) != groups[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
