package io.ember.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messaging between two envs over real loopback sockets, without authentication. */
class RpcEnvTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30); // bounds a hang; a loaded 2-core machine can stall seconds

    private RpcEnv server;
    private RpcEnv client;

    @BeforeEach
    void start() {
        server = RpcEnv.create("server", "127.0.0.1", 0, null, getClass().getClassLoader());
        client = RpcEnv.create("client", "127.0.0.1", 0, null, getClass().getClassLoader());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private RpcRef refTo(String endpoint) {
        return client.ref("127.0.0.1", server.address().getPort(), endpoint);
    }

    @Test
    void bindsTheRequestedLoopbackAddress() {
        assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
        assertTrue(server.address().getPort() > 0);
    }

    @Test
    void sendAndAskRoundTripInOrder() throws Exception {
        TestingEndpoint echo = TestingEndpoint.echo();
        server.register("echo", echo);
        RpcRef ref = refTo("echo");
        ref.send("first");
        ref.send(List.of(1, 2, 3));
        String reply = ref.ask("second", TIMEOUT);
        assertEquals("echo:second", reply);
        assertEquals(List.of("first", List.of(1, 2, 3), "second"), List.of(echo.next(), echo.next(), echo.next()));
        assertEquals("echo:third", ref.askAsync("third").get(5, TimeUnit.SECONDS));
        assertEquals("127.0.0.1", ref.host());
        assertEquals(server.address().getPort(), ref.port());
        assertEquals("echo", ref.endpointName());
    }

    @Test
    void nullRepliesAndNullMessagesTravel() {
        server.register("nothing", new TestingEndpoint((m, c) -> null));
        Object reply = refTo("nothing").ask(null, TIMEOUT);
        assertNull(reply);
    }

    @Test
    void askTimesOutNamingAddressAndEndpoint() {
        server.register("silent", new TestingEndpoint((m, c) -> new CompletableFuture<>()));
        RpcTimeoutException e = assertThrows(RpcTimeoutException.class,
                () -> refTo("silent").ask("anyone?", Duration.ofMillis(200)));
        assertEquals("ask to endpoint 'silent' at ember://127.0.0.1:" + server.address().getPort()
                + " timed out after 200 ms", e.getMessage());
        ExecutionException async = assertThrows(ExecutionException.class,
                () -> refTo("silent").askAsync("x", Duration.ofMillis(100)).get(5, TimeUnit.SECONDS));
        assertInstanceOf(RpcTimeoutException.class, async.getCause());
    }

    @Test
    void remoteExceptionsReachTheAskerWithTheirMessage() {
        server.register("grumpy", new TestingEndpoint((m, c) -> {
            throw new IllegalStateException("boom: " + m);
        }));
        RpcException e = assertThrows(RpcException.class, () -> refTo("grumpy").ask("why", TIMEOUT));
        assertFalse(e instanceof RpcTimeoutException);
        assertTrue(e.getMessage().contains("endpoint 'grumpy' at 127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("failed: java.lang.IllegalStateException: boom: why"), e.getMessage());
        // The connection and the endpoint survive.
        assertThrows(RpcException.class, () -> refTo("grumpy").ask("again", TIMEOUT));
    }

    @Test
    void unknownEndpointIsAnError() {
        RpcException e = assertThrows(RpcException.class, () -> refTo("nobody").ask("hi", TIMEOUT));
        assertEquals("no endpoint named 'nobody' at 127.0.0.1:" + server.address().getPort(), e.getMessage());
    }

    @Test
    void endpointCanReplyLaterWithACompletionStage() {
        server.register("later", new TestingEndpoint((m, c) -> CompletableFuture.supplyAsync(() -> "done:" + m)));
        assertEquals("done:x", refTo("later").ask("x", TIMEOUT));
        server.register("failsLater", new TestingEndpoint(
                (m, c) -> CompletableFuture.failedFuture(new IllegalArgumentException("nope"))));
        RpcException e = assertThrows(RpcException.class, () -> refTo("failsLater").ask("x", TIMEOUT));
        assertTrue(e.getMessage().endsWith("java.lang.IllegalArgumentException: nope"), e.getMessage());
    }

    @Test
    void unserializableMessageFailsOnTheCallingThread() {
        server.register("echo", TestingEndpoint.echo());
        Object notSerializable = new Object();
        RuntimeException e = assertThrows(RuntimeException.class, () -> refTo("echo").send(notSerializable));
        assertTrue(e.getMessage().contains("Cannot serialize RPC message java.lang.Object"), e.getMessage());
    }

    /** A counter without locks: the dispatcher's single thread is what keeps it right. */
    static final class CountingEndpoint implements RpcEndpoint {
        int count;

        @Override
        public Object receive(Object message, RpcCallContext context) {
            return "inc".equals(message) ? ++count : count;
        }
    }

    @Test
    void endpointHandlesOneMessageAtATime() throws Exception {
        CountingEndpoint counter = new CountingEndpoint();
        server.register("counter", counter);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                RpcRef ref = refTo("counter");
                for (int i = 0; i < 500; i++) {
                    ref.send("inc");
                }
                ref.ask("sync", TIMEOUT);
            });
            senders.add(thread);
            thread.start();
        }
        for (Thread t : senders) {
            t.join();
        }
        assertEquals(2000, (int) refTo("counter").ask("get", TIMEOUT));
    }

    @Test
    void receiveRunsOnTheEndpointsDispatcherAndAskAsyncCompletesOffTheEventLoop() throws Exception {
        TestingEndpoint echo = TestingEndpoint.echo();
        server.register("echo", echo);
        String completedOn = refTo("echo").askAsync("x").thenApply(r -> Thread.currentThread().getName())
                .get(5, TimeUnit.SECONDS);
        assertEquals("ember-rpc-server-echo", echo.threads.poll(5, TimeUnit.SECONDS));
        assertTrue(completedOn.startsWith("ember-rpc-client-callback-"), completedOn);
    }

    @Test
    void onDisconnectedFiresWhenTheClientEnvCloses() throws Exception {
        List<InetSocketAddress> senders = new ArrayList<>();
        TestingEndpoint echo = new TestingEndpoint((m, c) -> senders.add(c.sender()));
        server.register("echo", echo);
        RpcEnv other = RpcEnv.create("other", "127.0.0.1", 0, null, null);
        other.ref("127.0.0.1", server.address().getPort(), "echo").ask("hi", TIMEOUT);
        other.close();
        InetSocketAddress gone = echo.disconnected.poll(5, TimeUnit.SECONDS);
        assertNotNull(gone, "onDisconnected was not called");
        assertEquals(senders.get(0), gone);
        assertNull(echo.disconnected.poll(200, TimeUnit.MILLISECONDS), "only one connection closed");
    }

    @Test
    void contextNamesTheSendersSocket() {
        server.register("who", new TestingEndpoint((m, c) -> c.sender().getAddress().getHostAddress()));
        assertEquals("127.0.0.1", refTo("who").ask("?", TIMEOUT));
    }

    @Test
    void callsFailWhenTheServerGoesAway() throws Exception {
        server.register("echo", TestingEndpoint.echo());
        server.register("silent", new TestingEndpoint((m, c) -> new CompletableFuture<>()));
        assertEquals("echo:a", refTo("echo").ask("a", TIMEOUT));
        CompletableFuture<Object> waiting = refTo("silent").askAsync("b");
        server.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertInstanceOf(RpcException.class, e.getCause());
        assertTrue(e.getCause().getMessage().toLowerCase().contains("closed"), e.getCause().getMessage());
    }

    @Test
    void reconnectsAfterTheServerRestarts() throws Exception {
        int port = server.address().getPort();
        server.register("echo", TestingEndpoint.echo());
        assertEquals("echo:a", refTo("echo").ask("a", TIMEOUT));
        server.close();
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {   // the closed server's port may take a moment to be free again
            try {
                server = RpcEnv.create("server", "127.0.0.1", port, null, null);
                break;
            } catch (RuntimeException e) {
                assertTrue(System.currentTimeMillis() < deadline, "port " + port + " never freed: " + e);
                Thread.sleep(20);
            }
        }
        server.register("echo", TestingEndpoint.echo());
        assertEquals("echo:b", client.ref("127.0.0.1", port, "echo").ask("b", TIMEOUT));
    }

    @Test
    void unreachableAddressIsAClearError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RpcRef ref = client.ref("127.0.0.1", port, "master");
        RpcException e = assertThrows(RpcException.class, () -> ref.ask("hello", TIMEOUT));
        assertEquals("cannot connect to ember://127.0.0.1:" + port + ": Connection refused", e.getMessage());
        ref.send("dropped, with a warning"); // fire and forget never throws for an unreachable peer
    }

    @Test
    void bindingATakenPortIsAClearError() {
        int port = server.address().getPort();
        RpcException e = assertThrows(RpcException.class, () -> RpcEnv.create("dup", "127.0.0.1", port, null, null));
        assertTrue(e.getMessage().startsWith("cannot bind RPC env 'dup' to 127.0.0.1:" + port), e.getMessage());
    }

    record Register(String worker, RpcRef callback) implements Serializable {}

    @Test
    void refsInMessagesCanCallBack() {
        TestingEndpoint workerSide = new TestingEndpoint((m, c) -> "worker got " + m);
        client.register("worker", workerSide);
        server.register("master", new TestingEndpoint((m, c) -> {
            Register r = (Register) m;
            return r.callback().ask("welcome " + r.worker(), TIMEOUT);
        }));
        RpcRef self = client.ref("127.0.0.1", client.address().getPort(), "worker");
        assertEquals("worker got welcome w1", refTo("master").ask(new Register("w1", self), TIMEOUT));
    }

    @Test
    void anEndpointCanCloseItsOwnEnv() throws Exception {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        server.register("stopper", new TestingEndpoint((m, c) -> {
            server.close();
            closed.complete(null);
            return null;
        }));
        refTo("stopper").send("stop");
        closed.get(10, TimeUnit.SECONDS);
        assertThrows(RpcException.class, () -> refTo("stopper").ask("again", TIMEOUT));
    }

    @Test
    void duplicateRegistrationAndUnregister() {
        server.register("echo", TestingEndpoint.echo());
        assertThrows(IllegalArgumentException.class, () -> server.register("echo", TestingEndpoint.echo()));
        server.unregister("echo");
        assertThrows(RpcException.class, () -> refTo("echo").ask("x", TIMEOUT));
        server.register("echo", TestingEndpoint.echo());
        assertEquals("echo:y", refTo("echo").ask("y", TIMEOUT));
    }

    @Test
    void aWildcardBindIsAdvertisedUnderAnAddressPeersCanConnectTo() {
        try (RpcEnv wild = RpcEnv.create("wild", "0.0.0.0", 0, null, getClass().getClassLoader())) {
            InetSocketAddress a = wild.address();
            assertFalse(a.getAddress().isAnyLocalAddress(), a.toString());
            assertFalse(a.getHostString().startsWith("0"), a.getHostString());
        }
    }
}
