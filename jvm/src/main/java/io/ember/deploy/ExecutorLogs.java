package io.ember.deploy;

import java.io.File;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a worker keeps its executors' output: {@code <work dir>/<app id>/<executor id>/stdout}
 * and {@code stderr} (see {@link ExecutorRunner}). Resolves a request for one of them, refusing
 * anything that could leave the work dir. Stateless.
 */
final class ExecutorLogs {
    static final Set<String> TYPES = Set.of("stdout", "stderr");
    /** Application and executor ids are plain names: no separators, no "." or "..". */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private ExecutorLogs() {}

    /** The log file when the ids are plain names, the type is known and the file exists. */
    static Optional<File> find(File workDir, String appId, String executorId, String logType) {
        if (appId == null || executorId == null || !TYPES.contains(logType) || !NAME.matcher(appId).matches()
                || !NAME.matcher(executorId).matches() || appId.contains("..") || executorId.contains("..")) {
            return Optional.empty();
        }
        File f = new File(new File(new File(workDir, appId), executorId), logType);
        return f.isFile() ? Optional.of(f) : Optional.empty();
    }
}
