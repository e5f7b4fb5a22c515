package io.ember.rpc;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Prints loopback block-fetch throughput (64 MB blocks) and small-ask round-trip latency, with
 * authentication on as in a cluster. No timed assertions. The test is a short run; {@link #main}
 * warms up longer: {@code java -cp jvm/target/classes:jvm/target/test-classes:<deps>
 * io.ember.rpc.RpcBenchmarkTest}.
 */
public class RpcBenchmark {
    static final int BLOCK_BYTES = 64 << 20;
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("ember-rpc-bench");
        try {
            run(dir, 3, 20, 20_000, 50_000);
        } finally {
            Files.deleteIfExists(dir.resolve("block.data"));
            Files.deleteIfExists(dir);
        }
    }

    static void run(Path dir, int warmFetches, int fetches, int warmAsks, int asks) throws IOException {
        File file = dir.resolve("block.data").toFile();
        try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 7);
            for (int i = 0; i < BLOCK_BYTES / chunk.length; i++) {
                raf.write(chunk);
            }
        }
        try (RpcEnv server = RpcEnv.create("bench-server", "127.0.0.1", 0, "bench", null);
             RpcEnv client = RpcEnv.create("bench-client", "127.0.0.1", 0, "bench", null)) {
            int port = server.address().getPort();
            server.setBlockProvider(name -> new BlockRegion(file, 0, BLOCK_BYTES));
            server.register("echo", (message, context) -> message);

            for (int i = 0; i < warmFetches; i++) {
                client.fetchBlock("127.0.0.1", port, "b", TIMEOUT);
            }
            long start = System.nanoTime();
            for (int i = 0; i < fetches; i++) {
                if (client.fetchBlock("127.0.0.1", port, "b", TIMEOUT).length != BLOCK_BYTES) {
                    throw new IllegalStateException("fetched block has the wrong size");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("rpc bench: fetched %d x 64 MB blocks at %.0f MB/s%n", fetches, fetches * 64 / seconds);

            RpcRef echo = client.ref("127.0.0.1", port, "echo");
            for (int i = 0; i < warmAsks; i++) {
                echo.ask(i, TIMEOUT);
            }
            long[] micros = new long[asks];
            for (int i = 0; i < asks; i++) {
                long t = System.nanoTime();
                echo.ask(i, TIMEOUT);
                micros[i] = (System.nanoTime() - t) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf("rpc bench: ask round trip mean %.1f us, p50 %d us, p99 %d us over %d asks%n",
                    Arrays.stream(micros).average().orElse(0), micros[asks / 2], micros[asks * 99 / 100], asks);
        }
    }
}
