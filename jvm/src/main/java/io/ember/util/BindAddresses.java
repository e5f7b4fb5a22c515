package io.ember.util;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;

/**
 * What a listening address means for who can reach it: whether a bind host is loopback only
 * (reachable from this machine alone), and which name to advertise for a wildcard bind
 * ({@code 0.0.0.0} or {@code ::}), which no client can connect to from elsewhere. Stateless;
 * safe from any thread.
 */
public final class BindAddresses {
    private BindAddresses() {}

    /**
     * True when every address {@code host} resolves to is a loopback address; false for a
     * wildcard, any other address, or a name that does not resolve (the caller then treats it
     * as reachable from elsewhere, the safe reading).
     */
    public static boolean isLoopback(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The host clients should use for a server bound to {@code bound}: the bound address itself
     * unless it is a wildcard; for a wildcard, this machine's host name when it resolves to an
     * address other machines can use, else its first non-loopback, non-link-local address
     * (IPv4 first), else the loopback address.
     */
    public static String advertisedHost(InetAddress bound) {
        if (!bound.isAnyLocalAddress()) {
            return bound.getHostAddress();
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            if (!local.isLoopbackAddress() && !local.isLinkLocalAddress()) {
                return local.getHostName();
            }
        } catch (UnknownHostException e) {
            // no usable host name: look at the interfaces
        }
        InetAddress v6 = null;
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
                        continue;
                    }
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                    if (v6 == null) {
                        v6 = a;
                    }
                }
            }
        } catch (SocketException e) {
            // fall through to what was found, or loopback
        }
        return v6 != null ? v6.getHostAddress() : InetAddress.getLoopbackAddress().getHostAddress();
    }
}
