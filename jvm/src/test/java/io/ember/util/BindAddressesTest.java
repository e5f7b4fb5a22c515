package io.ember.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class BindAddressesTest {
    @Test
    void loopbackNamesAndAddressesAreLoopback() {
        assertTrue(BindAddresses.isLoopback("127.0.0.1"));
        assertTrue(BindAddresses.isLoopback("127.0.0.2"));
        assertTrue(BindAddresses.isLoopback("::1"));
        assertTrue(BindAddresses.isLoopback("localhost"));
    }

    @Test
    void wildcardsOtherAddressesAndUnknownNamesAreNot() {
        assertFalse(BindAddresses.isLoopback("0.0.0.0"));
        assertFalse(BindAddresses.isLoopback("::"));
        assertFalse(BindAddresses.isLoopback("192.0.2.77"));
        assertFalse(BindAddresses.isLoopback("no-such-host.invalid"));
    }

    @Test
    void concreteAddressesAreAdvertisedAsTheyAre() throws Exception {
        assertEquals("127.0.0.1", BindAddresses.advertisedHost(InetAddress.getByName("127.0.0.1")));
        assertEquals("192.0.2.77", BindAddresses.advertisedHost(InetAddress.getByName("192.0.2.77")));
    }

    @Test
    void wildcardsAreAdvertisedAsSomethingAClientCanConnectTo() throws Exception {
        for (String wildcard : new String[] {"0.0.0.0", "::"}) {
            String host = BindAddresses.advertisedHost(InetAddress.getByName(wildcard));
            assertFalse(InetAddress.getByName(host).isAnyLocalAddress(), wildcard + " advertised as " + host);
        }
    }
}
