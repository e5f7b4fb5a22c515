package io.ember.python;

import io.ember.util.ParentPipe;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import py4j.GatewayServer;

/**
 * The JVM a Python driver starts: serves {@link PythonBridge} over an authenticated loopback
 * Py4J gateway, prints {@code EMBER_GATEWAY <port> <secret>} on stdout, and exits when its
 * stdin reaches end of file - the Python process holds the other end, so the JVM never
 * outlives it, even after a kill -9.
 */
public final class PythonGateway {
    private PythonGateway() {}

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("py4j").setLevel(java.util.logging.Level.WARNING);
        byte[] token = new byte[32];
        new SecureRandom().nextBytes(token);
        String secret = HexFormat.of().formatHex(token);
        PythonBridge bridge = new PythonBridge();
        GatewayServer server = new GatewayServer.GatewayServerBuilder(bridge)
                .javaPort(0)
                .javaAddress(InetAddress.getLoopbackAddress())
                .authToken(secret)
                .build();
        server.start(true);
        System.out.println("EMBER_GATEWAY " + server.getListeningPort() + " " + secret);
        System.out.flush();
        ParentPipe.awaitClose();
        try {
            bridge.stop();
        } finally {
            server.shutdown();
            System.exit(0);
        }
    }
}
