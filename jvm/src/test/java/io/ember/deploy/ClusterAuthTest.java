package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.rdd.TaskContext;
import io.ember.rpc.RpcEnv;
import io.ember.rpc.RpcException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a shared secret, a client with another secret is refused by the master, by each worker
 * daemon, by each executor JVM and by the driver (RPC and its file blocks), and the cluster goes on serving the application.
 */
class ClusterAuthTest {
    @TempDir
    Path tmp;

    @Test
    void aWrongSecretIsRefusedOnTheMasterWorkerExecutorAndDriverPorts() throws Exception {
        String secret = "cluster-auth-secret";
        int driverPort;
        try (ServerSocket free = new ServerSocket(0)) {
            driverPort = free.getLocalPort();
        }
        Path shipped = Files.writeString(tmp.resolve("shipped.txt"), "driver file contents");
        try (TestingCluster cluster = new TestingCluster(tmp, 2, 1, secret);
             EmberContext ec = new EmberContext(new EmberConf(false).setMaster(cluster.url()).setAppName("cluster-auth")
                     .set("ember.executor.memory", "512m").set("ember.authenticate", "true")
                     .set("ember.authenticate.secret", secret).set("ember.driver.port", String.valueOf(driverPort)));
             RpcEnv insider = RpcEnv.create("insider", "127.0.0.1", 0, secret, null);
             RpcEnv intruder = RpcEnv.create("intruder", "127.0.0.1", 0, "not-the-secret", null)) {
            List<Integer> ports = new ArrayList<>();
            String status = cluster.master.statusJson();
            ports.add(cluster.master.address().getPort());
            Matcher worker = Pattern.compile("\"port\": (\\d+)").matcher(status);
            while (worker.find()) {
                ports.add(Integer.parseInt(worker.group(1)));
            }
            List<Integer> executorPorts = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 60_000;
            while (executorPorts.size() < 2) { // executors register one by one
                assertTrue(System.currentTimeMillis() < deadline, "tasks ran on " + executorPorts + " only");
                executorPorts = ec.parallelize(List.of(1, 2, 3, 4), 4)
                        .map(x -> TaskContext.get().env().shuffleTransport().port()).distinct().collect();
            }
            ports.addAll(executorPorts);
            ports.add(driverPort);
            assertEquals(6, ports.size(), "master, two workers, two executors, driver: " + ports + " from " + status);
            for (int port : ports) {
                RpcException e = assertThrows(RpcException.class, () -> intruder.ref("127.0.0.1", port, "any")
                        .ask("hello", Duration.ofSeconds(10)), "port " + port + " let the intruder in");
                assertTrue(e.toString().contains("uthentication"), e.toString());
            }
            // The driver serves shipped files as blocks: the right secret gets them, a wrong one nothing.
            ec.addFile(shipped.toString());
            assertEquals("driver file contents", new String(
                    insider.fetchBlock("127.0.0.1", driverPort, "shipped.txt", Duration.ofSeconds(30)), StandardCharsets.UTF_8));
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> intruder.fetchBlock("127.0.0.1", driverPort, "shipped.txt", Duration.ofSeconds(30)));
            assertTrue(refused.toString().contains("uthentication"), refused.toString());
            assertEquals(10L, ec.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 2).count());
        }
    }
}
