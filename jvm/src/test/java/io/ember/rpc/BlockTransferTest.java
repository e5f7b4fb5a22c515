package io.ember.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serving file regions to remote fetchers, with authentication on. */
class BlockTransferTest {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String SECRET = "blocks";

    @TempDir
    Path dir;

    private final Map<String, BlockRegion> blocks = new ConcurrentHashMap<>();
    private RpcEnv server;
    private RpcEnv client;
    private byte[] data;
    private File file;

    @BeforeEach
    void start() throws IOException {
        data = new byte[1 << 20];
        new Random(3).nextBytes(data);
        file = dir.resolve("shuffle_0_1.data").toFile();
        Files.write(file.toPath(), data);
        server = RpcEnv.create("server", "127.0.0.1", 0, SECRET, null);
        client = RpcEnv.create("client", "127.0.0.1", 0, SECRET, null);
        server.setBlockProvider(blocks::get);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private byte[] fetch(String name) {
        return client.fetchBlock("127.0.0.1", server.address().getPort(), name, TIMEOUT);
    }

    @Test
    void fetchesAFileRegion() {
        blocks.put("shuffle_0_1_3", new BlockRegion(file, 1000, 5000));
        blocks.put("whole", new BlockRegion(file, 0, data.length));
        blocks.put("empty", new BlockRegion(file, 17, 0));
        assertArrayEquals(Arrays.copyOfRange(data, 1000, 6000), fetch("shuffle_0_1_3"));
        assertArrayEquals(data, fetch("whole"));
        assertEquals(0, fetch("empty").length);
    }

    @Test
    void missingBlockNamesTheBlockAndAddress() {
        BlockNotFoundException e = assertThrows(BlockNotFoundException.class, () -> fetch("rdd_4_2"));
        assertEquals("block rdd_4_2 not found at 127.0.0.1:" + server.address().getPort(), e.getMessage());
        assertEquals("rdd_4_2", e.blockName());
        blocks.put("deleted", new BlockRegion(dir.resolve("gone.data").toFile(), 0, 10));
        assertThrows(BlockNotFoundException.class, () -> fetch("deleted"));
    }

    @Test
    void serverSideProblemsAreRpcExceptions() {
        blocks.put("too-long", new BlockRegion(file, data.length - 10, 20));
        RpcException e = assertThrows(RpcException.class, () -> fetch("too-long"));
        assertFalse(e instanceof BlockNotFoundException);
        assertTrue(e.getMessage().startsWith("fetching block too-long from 127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("lies beyond the end of"), e.getMessage());
        server.setBlockProvider(name -> {
            throw new IllegalStateException("disk on fire");
        });
        RpcException e2 = assertThrows(RpcException.class, () -> fetch("any"));
        assertTrue(e2.getMessage().endsWith("block provider failed on any: java.lang.IllegalStateException: disk on fire"),
                e2.getMessage());
        server.setBlockProvider(null);
        assertThrows(BlockNotFoundException.class, () -> fetch("any"));
    }

    @Test
    void concurrentFetchesShareOneConnection() throws Exception {
        List<CompletableFuture<byte[]>> fetches = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            blocks.put("b" + i, new BlockRegion(file, i * 1000L, 20_000));
            fetches.add(client.fetchBlockAsync("127.0.0.1", server.address().getPort(), "b" + i));
        }
        for (int i = 0; i < 32; i++) {
            assertArrayEquals(Arrays.copyOfRange(data, i * 1000, i * 1000 + 20_000), fetches.get(i).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void blocksAndMessagesInterleaveOnAConnection() {
        server.register("echo", TestingEndpoint.echo());
        blocks.put("whole", new BlockRegion(file, 0, data.length));
        RpcRef echo = client.ref("127.0.0.1", server.address().getPort(), "echo");
        CompletableFuture<byte[]> big = client.fetchBlockAsync("127.0.0.1", server.address().getPort(), "whole");
        assertEquals("echo:small", echo.ask("small", TIMEOUT));
        assertArrayEquals(data, big.join());
    }
}
