package io.ember.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ember.deploy.ClusterView;
import io.ember.deploy.DaemonUi;
import io.ember.deploy.Master;
import io.ember.deploy.Worker;
import io.ember.ui.server.UiAccess;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone daemons' web UIs over HTTP, with a real master and worker in this JVM: the
 * master's /json against its own state and Spark's field names, the worker's pages and log
 * ranges, refused log paths, and the cluster secret's token.
 */
class DaemonUiServerTest {
    private static final String SECRET = "daemon-ui-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    record Reply(int status, String body) {}

    private static Reply get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void masterAndWorkerPagesShowTheClusterAndRequireTheToken() throws Exception {
        DaemonUi.Settings settings = new DaemonUi.Settings("127.0.0.1", 0, 0, SECRET);
        String token = "?token=" + UiAccess.tokenFor(SECRET);
        try (Master master = Master.start("127.0.0.1", 0, SECRET, 60_000);
             DaemonUi.Running masterUi = new DaemonUiServer().startMaster(master::state, settings)) {
            master.setWebUiUrl(masterUi.url());
            try (Worker worker = Worker.start("127.0.0.1", master.address().getPort(), "127.0.0.1", 0, 3, 1536,
                    work.resolve("w").toFile(), SECRET, System.getProperty("java.class.path"), settings)) {
                assertTrue(master.awaitWorkers(1, 30_000));
                assertFalse(worker.webUiUrl().isEmpty());

                assertEquals(401, get(masterUi.url() + "/json").status());
                assertEquals(401, get(worker.webUiUrl() + "/").status());
                assertEquals(401, get(masterUi.url() + "/json?token=wrong").status());

                JsonNode m = JSON.readTree(get(masterUi.url() + "/json" + token).body());
                assertEquals(List.of("url", "workers", "aliveworkers", "cores", "coresused", "memory", "memoryused",
                        "resources", "resourcesused", "activeapps", "completedapps", "activedrivers",
                        "completeddrivers", "status"), fields(m));
                ClusterView.WorkerView w = master.state().workers().get(0);
                JsonNode jw = m.get("workers").get(0);
                assertEquals(List.of("id", "host", "port", "webuiaddress", "cores", "coresused", "coresfree",
                        "memory", "memoryused", "memoryfree", "resources", "resourcesused", "resourcesfree", "state",
                        "lastheartbeat"), fields(jw));
                assertEquals(worker.id(), jw.get("id").asText());
                assertEquals(w.port(), jw.get("port").asInt());
                assertEquals(worker.webUiUrl(), jw.get("webuiaddress").asText());
                assertEquals(3, jw.get("cores").asInt());
                assertEquals(1536, jw.get("memoryfree").asInt());
                assertEquals("ALIVE", jw.get("state").asText());
                assertEquals(1, m.get("aliveworkers").asInt());
                assertEquals(master.url(), m.get("url").asText());

                String page = get(masterUi.url() + "/" + token).body();
                assertTrue(page.contains(">" + worker.id() + "</a>"), page);
                assertTrue(page.contains("3 (0 Used)"), page);
                assertTrue(page.contains("1.5 GiB (0.0 B Used)"), page);
                // links to the worker keep the token (the cluster shares one secret)
                assertTrue(page.contains("href=\"" + worker.webUiUrl() + token + "\""), page);
                assertEquals(404, get(masterUi.url() + "/app/" + token + "&appId=nope").status());
                assertEquals(404, get(masterUi.url() + "/nothing" + token).status());

                JsonNode wj = JSON.readTree(get(worker.webUiUrl() + "/json" + token).body());
                assertEquals(List.of("id", "masterurl", "masterwebuiurl", "cores", "coresused", "memory", "memoryused",
                        "resources", "resourcesused", "executors", "finishedexecutors"), fields(wj));
                assertEquals(masterUi.url(), wj.get("masterwebuiurl").asText());
                assertEquals(master.url(), wj.get("masterurl").asText());
            }
        }
    }

    @Test
    void logPagesShowByteRangesAndRefuseOtherFiles() throws Exception {
        File dir = work.resolve("w").resolve("app-1-0001").resolve("4").toFile();
        assertTrue(dir.mkdirs());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append(String.format("line %03d <b>&\n", i)); // 14 bytes a line
        }
        Files.writeString(dir.toPath().resolve("stderr"), text, StandardCharsets.UTF_8);
        Files.writeString(work.resolve("w").resolve("secret.txt"), "not a log");
        try (Master master = Master.start("127.0.0.1", 0, null, 60_000);
             Worker worker = Worker.start("127.0.0.1", master.address().getPort(), "127.0.0.1", 0, 1, 512,
                     work.resolve("w").toFile(), null, System.getProperty("java.class.path"),
                     new DaemonUi.Settings("127.0.0.1", 0, 0, null))) {
            String base = worker.webUiUrl() + "/logPage/?appId=app-1-0001&executorId=4&logType=stderr";
            Reply tail = get(base + "&byteLength=28");
            assertEquals(200, tail.status());
            assertTrue(tail.body().contains("Showing 28 bytes: 1372 - 1400 of 1400"), tail.body());
            assertTrue(tail.body().contains("line 098 &lt;b&gt;&amp;\nline 099 &lt;b&gt;&amp;\n</pre>"), tail.body());
            assertTrue(tail.body().contains("offset=1344\">Previous 28 bytes"), tail.body());
            assertTrue(tail.body().contains("End of log"), tail.body());

            Reply head = get(base + "&byteLength=14&offset=0");
            assertTrue(head.body().contains("<pre id=\"log\">line 000 &lt;b&gt;&amp;\n</pre>"), head.body());
            assertTrue(head.body().contains("Start of log") && head.body().contains("offset=14\">Next 14 bytes"),
                    head.body());
            assertEquals("line 050 <b>&\n", get(worker.webUiUrl() + "/log/?appId=app-1-0001&executorId=4"
                    + "&logType=stderr&offset=700&byteLength=14").body());
            // past the end: an empty range at the end
            assertTrue(get(base + "&offset=99999").body().contains("Showing 0 bytes: 1400 - 1400 of 1400"));

            assertEquals(400, get(base + "&offset=-5").status());
            assertEquals(400, get(base + "&byteLength=abc").status());
            assertEquals(404, get(worker.webUiUrl() + "/logPage/?appId=app-1-0001&executorId=4&logType=stdout")
                    .status());
            assertEquals(404, get(worker.webUiUrl() + "/logPage/?appId=..&executorId=secret.txt&logType=stderr")
                    .status());
            assertEquals(404, get(worker.webUiUrl() + "/logPage/?appId=app-1-0001%2F4&executorId=.&logType=stderr")
                    .status());
            assertEquals(404, get(worker.webUiUrl() + "/log/?appId=app-1-0001&executorId=4&logType=..%2F..%2Fsecret.txt")
                    .status());
            assertEquals(200, get(worker.webUiUrl() + "/").status()); // open: no secret, loopback
        }
    }
}
