package io.headline.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTests {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.5.6.7", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1", "224.0.0.1", "ff02::1", "0.0.0.0",
            "::", "100.64.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
    void shouldRefusePrivateAddresses(String address) throws Exception {
        assertThat(PublicAddresses.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1.2.3", "192.0.0.8", "198.18.0.1", "198.19.255.255", "240.0.0.1", "255.255.255.255"})
    void shouldRefuseReservedIpv4Ranges(String address) throws Exception {
        assertThat(PublicAddresses.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    /** NAT64, 6to4 and IPv4-compatible addresses lead to the IPv4 address they carry: refused when that one is. */
    @ParameterizedTest
    @ValueSource(strings = {"64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1",
            "2002:a00:1::1", "2002:c0a8:101::1", "::127.0.0.1", "::10.0.0.1", "::192.168.1.1", "::ffff:0:7f00:1",
            "::ffff:0:a00:1"})
    void shouldRefuseIpv6AddressesCarryingARefusedIpv4Address(String address) throws Exception {
        assertThat(PublicAddresses.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    /** Teredo tunnels to any host, and a local-use NAT64 prefix may put the IPv4 address anywhere. */
    @ParameterizedTest
    @ValueSource(strings = {"2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1", "64:ff9b:1::808:808",
            "64:ff9b:1:ffff::1"})
    void shouldRefuseTeredoAndLocalNat64Outright(String address) throws Exception {
        assertThat(PublicAddresses.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "::ffff:8.8.8.8", "198.17.255.255", "198.20.0.1", "192.0.1.1", "223.1.2.3", "1.0.0.1",
            "2002:808:808::1", "64:ff9b::808:808", "::8.8.8.8", "2001:4860:4860::8888", "::ffff:0:808:808"})
    void shouldAllowPublicAddresses(String address) throws Exception {
        assertThat(PublicAddresses.isPrivate(InetAddress.getByName(address))).isFalse();
    }
}
