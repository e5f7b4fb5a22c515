package io.ember.sql.expressions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The usage text {@code DESCRIBE FUNCTION} shows for built-in functions, read from the
 * {@code function-usage.tsv} resource next to this class (name, usage, optional example query and
 * answer, tab-separated; {@code \n} in an answer is a line break). An immutable table; build it once
 * per session or per command, as it is cheap (a few KB).
 */
public final class FunctionUsage {
    /** One function's text: {@code example} and {@code answer} are null when it has none. */
    public record Entry(String usage, String example, String answer) {}

    private final Map<String, Entry> entries;

    private FunctionUsage(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The table in the resource. */
    public static FunctionUsage load() {
        Map<String, Entry> out = new HashMap<>();
        try (InputStream in = FunctionUsage.class.getResourceAsStream("function-usage.tsv")) {
            if (in == null) {
                throw new IllegalStateException("function-usage.tsv is missing from the engine jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.put(f[0].toLowerCase(Locale.ROOT), new Entry(f[1], f.length > 3 ? f[2] : null,
                        f.length > 3 ? f[3].replace("\\n", "\n") : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FunctionUsage(out);
    }

    public Optional<Entry> lookup(String name) {
        return Optional.ofNullable(entries.get(name.toLowerCase(Locale.ROOT)));
    }
}
