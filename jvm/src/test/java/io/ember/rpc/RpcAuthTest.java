package io.ember.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared-secret handshake, and what a server does with peers that fail it. */
class RpcAuthTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30); // bounds a hang; a loaded 2-core machine can stall seconds
    static final String SECRET = "correct horse battery staple";

    /** Records whether any process deserialized one: a refused peer must never get that far. */
    static final AtomicBoolean CANARY_READ = new AtomicBoolean();

    static final class Canary implements Serializable {
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            CANARY_READ.set(true);
        }
    }

    private RpcEnv server;
    private TestingEndpoint endpoint;

    @BeforeEach
    void start() {
        CANARY_READ.set(false);
        server = RpcEnv.create("secured", "127.0.0.1", 0, SECRET, null);
        endpoint = TestingEndpoint.echo();
        server.register("echo", endpoint);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int port() {
        return server.address().getPort();
    }

    @Test
    void matchingSecretsTalk() {
        try (RpcEnv client = RpcEnv.create("client", "127.0.0.1", 0, SECRET, null)) {
            assertEquals("echo:hi", client.ref("127.0.0.1", port(), "echo").ask("hi", TIMEOUT));
        }
    }

    @Test
    void wrongSecretIsRefusedOnBothSidesBeforeAnythingIsDeserialized() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (RpcEnv client = RpcEnv.create("client", "127.0.0.1", 0, "not the secret", null)) {
            RpcRef ref = client.ref("127.0.0.1", port(), "echo");
            ref.send(new Canary());
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> ref.ask(new Canary(), TIMEOUT));
            assertEquals("authentication with 127.0.0.1:" + port() + " failed: wrong secret?", e.getMessage());
            String log = waitForLog(captured, "rejected connection from /127.0.0.1:");
            assertTrue(log.matches("(?s).*rejected connection from /127\\.0\\.0\\.1:\\d+: authentication failed\n.*"), log);
        } finally {
            System.setErr(stderr);
        }
        assertFalse(CANARY_READ.get(), "a message from an unauthenticated peer was deserialized");
        assertTrue(endpoint.received.isEmpty());
    }

    @Test
    void aSecretOnOnlyOneSideIsRefused() {
        try (RpcEnv open = RpcEnv.create("open-client", "127.0.0.1", 0, null, null)) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> open.ref("127.0.0.1", port(), "echo").ask(new Canary(), TIMEOUT));
            assertEquals("ember://127.0.0.1:" + port() + " requires authentication but this process has no secret",
                    e.getMessage());
            try (RpcEnv secured = RpcEnv.create("secured-client", "127.0.0.1", 0, SECRET, null)) {
                open.register("echo", TestingEndpoint.echo());
                int openPort = open.address().getPort();
                AuthenticationException e2 = assertThrows(AuthenticationException.class,
                        () -> secured.ref("127.0.0.1", openPort, "echo").ask("hi", TIMEOUT));
                assertEquals("ember://127.0.0.1:" + openPort + " does not authenticate but this process requires a secret",
                        e2.getMessage());
            }
        }
        assertFalse(CANARY_READ.get());
    }

    /** A fake server that does not know the secret: the client must refuse it and send nothing more. */
    @Test
    void clientRefusesAnImpostorServer() throws Exception {
        try (ServerSocket impostor = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RpcEnv client = RpcEnv.create("client", "127.0.0.1", 0, SECRET, null)) {
            CompletableFuture<Integer> bytesReceived = CompletableFuture.supplyAsync(() -> {
                try (Socket s = impostor.accept()) {
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    byte[] nonce = new byte[32];
                    new Random(1).nextBytes(nonce);
                    out.writeInt(RpcProtocol.HELLO_LENGTH);
                    out.writeByte(RpcProtocol.HELLO);
                    out.writeInt(RpcProtocol.MAGIC);
                    out.writeByte(RpcProtocol.VERSION);
                    out.writeByte(1);
                    out.write(nonce);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    in.readFully(new byte[4 + RpcProtocol.AUTH_RESPONSE_LENGTH]);
                    out.writeInt(RpcProtocol.AUTH_OK_LENGTH);
                    out.writeByte(RpcProtocol.AUTH_OK);
                    out.write(nonce); // not a proof
                    int more = 0;
                    while (in.read() >= 0) {
                        more++;
                    }
                    return 4 + RpcProtocol.AUTH_RESPONSE_LENGTH + more;
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            int port = impostor.getLocalPort();
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> client.ref("127.0.0.1", port, "echo").ask(new Canary(), TIMEOUT));
            assertEquals("authentication with 127.0.0.1:" + port + " failed: wrong secret?", e.getMessage());
            assertEquals(4 + RpcProtocol.AUTH_RESPONSE_LENGTH, bytesReceived.get(5, TimeUnit.SECONDS),
                    "the client sent something after its auth response");
        }
    }

    @Test
    void garbageIsDroppedAndTheServerKeepsServing() throws Exception {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        byte[] http = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] hugeFrame = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0).array();
        byte[] requestBeforeAuth = ByteBuffer.allocate(16).putInt(12).put(RpcProtocol.REQUEST).putLong(1).array();
        try (RpcEnv open = RpcEnv.create("open", "127.0.0.1", 0, null, null)) {
            open.register("echo", TestingEndpoint.echo());
            for (byte[] garbage : new byte[][] {random, http, hugeFrame, requestBeforeAuth}) {
                assertTrue(serverHangsUpOn(garbage, port()), "secured server kept a garbage connection open");
                assertEquals("echo:still here", askWithSecret(port(), SECRET));
            }
            for (byte[] garbage : new byte[][] {http, hugeFrame}) {
                assertTrue(serverHangsUpOn(garbage, open.address().getPort()), "open server kept a garbage connection open");
                assertEquals("echo:still here", askWithSecret(open.address().getPort(), null));
            }
        }
        assertFalse(CANARY_READ.get());
    }

    private static String askWithSecret(int port, String secret) {
        try (RpcEnv client = RpcEnv.create("client", "127.0.0.1", 0, secret, null)) {
            return client.ref("127.0.0.1", port, "echo").ask("still here", TIMEOUT);
        }
    }

    /** Writes raw bytes and reports whether the server closed the connection within 5 s. */
    private static boolean serverHangsUpOn(byte[] garbage, int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(garbage);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[1024];
            while (in.read(buf) >= 0) {
                // drain the HELLO
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    private static String waitForLog(ByteArrayOutputStream captured, String needle) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String log = captured.toString(StandardCharsets.UTF_8);
            if (log.contains(needle)) {
                return log;
            }
            Thread.sleep(20);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
