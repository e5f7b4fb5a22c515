package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import io.ember.deploy.DeployMessages.RegisterWorker;
import io.ember.deploy.DeployMessages.RequestStatus;
import io.ember.rpc.AuthenticationException;
import io.ember.rpc.RpcEnv;
import io.ember.rpc.RpcException;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone master's admission rules: the secret, impossible executor sizes, unreachable masters. */
class MasterTest {
    private static final String SECRET = "the-cluster-secret";

    @TempDir
    Path work;

    @Test
    void refusesAPeerWithTheWrongSecret() {
        try (Master master = Master.start("127.0.0.1", 0, SECRET, 60_000);
             RpcEnv intruder = RpcEnv.create("intruder", "127.0.0.1", 0, "not-the-secret", null)) {
            RpcException e = assertThrows(RpcException.class, () -> intruder
                    .ref("127.0.0.1", master.address().getPort(), DeployMessages.MASTER_ENDPOINT)
                    .ask(new RegisterWorker("w", "127.0.0.1", 1, 64, 1 << 20, null, ""), Duration.ofSeconds(10)));
            assertTrue(e instanceof AuthenticationException || e.getCause() instanceof AuthenticationException, e.toString());
            assertTrue(master.statusJson().contains("\"workers\": []"), master.statusJson());
        }
    }

    @Test
    void refusesADriverWithTheWrongSecret() {
        try (Master master = Master.start("127.0.0.1", 0, SECRET, 60_000)) {
            EmberException e = assertThrows(EmberException.class, () -> new EmberContext(new EmberConf(false)
                    .setMaster(master.url()).setAppName("intruder").set("ember.authenticate", "true")
                    .set("ember.authenticate.secret", "not-the-secret")));
            assertTrue(e.getMessage().contains(master.url()), e.getMessage());
            assertTrue(e.getMessage().contains("ember.authenticate"), e.getMessage());
            e = assertThrows(EmberException.class, () -> new EmberContext(new EmberConf(false)
                    .setMaster(master.url()).setAppName("no-secret")));
            assertTrue(e.getMessage().contains(master.url()), e.getMessage());
        }
    }

    @Test
    void reportsExecutorsLargerThanAnyWorker() {
        try (Master master = Master.start("127.0.0.1", 0, SECRET, 60_000);
             Worker worker = Worker.start("127.0.0.1", master.address().getPort(), "127.0.0.1", 0, 2, 1024,
                     new File(work.toFile(), "w"), SECRET, System.getProperty("java.class.path"))) {
            EmberConf conf = new EmberConf(false).setMaster(master.url()).setAppName("too-big")
                    .set("ember.authenticate", "true").set("ember.authenticate.secret", SECRET);
            EmberException e = assertThrows(EmberException.class,
                    () -> new EmberContext(conf.copy().set("ember.executor.cores", "4")));
            assertTrue(e.getMessage().contains("no worker has that much"), e.getMessage());
            assertTrue(e.getMessage().contains("2 cores"), e.getMessage());
            e = assertThrows(EmberException.class, () -> new EmberContext(conf.copy().set("ember.executor.memory", "2g")));
            assertTrue(e.getMessage().contains("2048 MB"), e.getMessage());
            String status = master.statusJson();
            assertTrue(status.contains(worker.id()), status);
            assertTrue(status.contains("\"apps\": []"), status);
        }
    }

    @Test
    void anUnreachableMasterFailsTheContextNamingItsAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "ember://127.0.0.1:" + port;
        long start = System.currentTimeMillis();
        EmberException e = assertThrows(EmberException.class,
                () -> new EmberContext(new EmberConf(false).setMaster(url).setAppName("nowhere")));
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertTrue(System.currentTimeMillis() - start < 30_000);
    }

    @Test
    void statusListsWorkersAndApplications() {
        try (Master master = Master.start("127.0.0.1", 0, SECRET, 60_000);
             Worker worker = Worker.start("127.0.0.1", master.address().getPort(), "127.0.0.1", 0, 3, 700,
                     new File(work.toFile(), "w"), SECRET, System.getProperty("java.class.path"));
             RpcEnv client = RpcEnv.create("status", "127.0.0.1", 0, SECRET, null)) {
            String json = client.ref("127.0.0.1", master.address().getPort(), DeployMessages.MASTER_ENDPOINT)
                    .ask(new RequestStatus(), Duration.ofSeconds(10));
            assertTrue(json.startsWith("{\"url\": \"" + master.url() + "\""), json);
            assertTrue(json.contains("\"id\": \"" + worker.id() + "\""), json);
            assertTrue(json.contains("\"cores\": 3"), json);
            assertTrue(json.contains("\"memoryMb\": 700"), json);
            assertEquals(json, StatusClient.fetch(master.url(), SECRET));
        }
    }
}
