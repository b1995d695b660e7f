package io.headline.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTests {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.5.6.7", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "fe80::1", "fc00::1", "fd12:3456::1", "224.0.0.1", "ff02::1", "0.0.0.0",
            "::", "100.64.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
    void shouldRefusePrivateAddresses(String address) throws Exception {
        assertThat(AddressGuard.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "::ffff:8.8.8.8"})
    void shouldAllowPublicAddresses(String address) throws Exception {
        assertThat(AddressGuard.isPrivate(InetAddress.getByName(address))).isFalse();
    }
}
