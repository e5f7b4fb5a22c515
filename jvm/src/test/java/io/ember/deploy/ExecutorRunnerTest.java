package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.deploy.DeployMessages.LaunchExecutor;
import io.ember.executor.ExecutorMain;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a worker tells the executors it launches about their logs, as the executor reads it back. */
class ExecutorRunnerTest {
    private static ExecutorRunner runner(String workerUi) {
        LaunchExecutor launch = new LaunchExecutor("app-1 &x", "3", 1, 512, "127.0.0.1", 7077, "", "app", "me");
        return new ExecutorRunner(launch, new File("unused"), "", null, "127.0.0.1", workerUi, s -> {});
    }

    @Test
    void executorLearnsWhereItsWorkerServesItsLogs() {
        Map<String, String> env = new HashMap<>(runner("http://w1:8081").logUrlEnv());
        env.put("PATH", "/bin");
        env.put(ExecutorMain.LOG_URL_PREFIX, "no name");
        String page = "http://w1:8081/logPage/?appId=app-1+%26x&executorId=3&logType=";
        assertEquals(Map.of("stdout", page + "stdout", "stderr", page + "stderr"), ExecutorMain.logUrls(env));
    }

    @Test
    void workerWithoutUiGivesNoLogAddresses() {
        assertEquals(Map.of(), runner("").logUrlEnv());
    }
}
