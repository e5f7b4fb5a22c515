package io.ember.deploy;

import io.ember.core.EmberException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the daemons and tools ({@code --name value} pairs, value-less flags
 * and positional arguments), and where their shared secret comes from: {@code --secret-file F} (the file's
 * first line), else the {@code EMBER_AUTH_SECRET} environment variable, else none (no
 * authentication). The secret never appears on a command line.
 */
final class DaemonArgs {
    final Map<String, String> options = new HashMap<>();
    final List<String> positional = new ArrayList<>();
    final Set<String> flags = new java.util.HashSet<>();

    private DaemonArgs() {}

    /** Throws IllegalArgumentException naming an unknown option or a missing value. */
    static DaemonArgs parse(String[] args, Set<String> known) {
        return parse(args, known, Set.of());
    }

    /**
     * Like {@link #parse(String[], Set)}, also accepting the value-less {@code knownFlags}
     * (such as {@code --insecure}).
     */
    static DaemonArgs parse(String[] args, Set<String> known, Set<String> knownFlags) {
        DaemonArgs a = new DaemonArgs();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (knownFlags.contains(arg)) {
                a.flags.add(arg);
            } else if (arg.startsWith("--")) {
                if (!known.contains(arg)) {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + arg);
                }
                a.options.put(arg, args[++i]);
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    String get(String option, String dflt) {
        return options.getOrDefault(option, dflt);
    }

    int getInt(String option, int dflt) {
        String v = options.get(option);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a number, got '" + v + "'");
        }
    }

    /** The secret from --secret-file or EMBER_AUTH_SECRET; null when neither is given. */
    String secret(Map<String, String> env) {
        String file = options.get("--secret-file");
        if (file != null) {
            try {
                String s = Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
                if (s.isEmpty()) {
                    throw new EmberException("The secret file " + file + " is empty");
                }
                return s;
            } catch (IOException e) {
                throw new EmberException("Cannot read the secret file " + file + ": " + e.getMessage(), e);
            }
        }
        String s = env.get("EMBER_AUTH_SECRET");
        return s == null || s.isEmpty() ? null : s;
    }
}
