package io.ember.rdd;

import io.ember.core.EmberException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Expands an input path spec, as given to textFile and kin, into the files to read. The spec is
 * a comma-separated list (commas inside {@code {a,b}} belong to the glob); each entry is a file,
 * a directory (its visible files, not recursive) or a glob whose components may contain
 * {@code * ? [..] {..}}. Names starting with '_' or '.' are hidden from listings and glob
 * matches. A {@code file:} scheme prefix is accepted. Entries keep their order; the files of one
 * entry are sorted by path.
 */
public final class InputPaths {
    private InputPaths() {}

    /** The files of {@code spec}; an entry that matches nothing fails with "Input path does not exist". */
    public static List<Path> resolve(String spec) {
        List<Path> files = new ArrayList<>();
        List<String> entries = splitEntries(spec);
        if (entries.isEmpty()) {
            throw new EmberException("Input path does not exist: " + spec);
        }
        for (String entry : entries) {
            List<Path> matched = expand(localPath(entry));
            if (matched.isEmpty()) {
                throw new EmberException("Input path does not exist: " + entry);
            }
            for (Path p : matched) {
                if (Files.isDirectory(p)) {
                    files.addAll(list(p, null));
                } else {
                    files.add(p);
                }
            }
        }
        return files;
    }

    /** A local path from a plain path or a {@code file:} URI-style string. */
    public static Path localPath(String s) {
        if (s.startsWith("file://")) {
            return Path.of(s.substring("file://".length()));
        }
        if (s.startsWith("file:")) {
            return Path.of(s.substring("file:".length()));
        }
        return Path.of(s);
    }

    static List<String> splitEntries(String spec) {
        List<String> entries = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= spec.length(); i++) {
            char c = i < spec.length() ? spec.charAt(i) : ',';
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ',' && (depth == 0 || i == spec.length())) {
                if (i > from) {
                    entries.add(spec.substring(from, i));
                }
                from = i + 1;
            }
        }
        return entries;
    }

    public static boolean isHidden(Path p) {
        Path name = p.getFileName();
        if (name == null) {
            return false;
        }
        String s = name.toString();
        return s.startsWith("_") || s.startsWith(".");
    }

    private static boolean isGlob(String component) {
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    /**
     * The existing files and directories one entry names, a glob expanded (visible names only,
     * sorted), directories not listed; empty when nothing matches.
     */
    public static List<Path> expand(String entry) {
        return expand(localPath(entry));
    }

    /** The existing paths matching {@code pattern}, expanding glob components one level at a time. */
    private static List<Path> expand(Path pattern) {
        if (!isGlob(pattern.toString())) {
            return Files.exists(pattern) ? List.of(pattern) : List.of();
        }
        List<Path> current = new ArrayList<>();
        current.add(pattern.getRoot() != null ? pattern.getRoot() : Path.of(""));
        for (Path component : pattern) {
            String name = component.toString();
            List<Path> next = new ArrayList<>();
            if (isGlob(name)) {
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + name);
                for (Path base : current) {
                    if (Files.isDirectory(dirOf(base))) {
                        next.addAll(list(base, m));
                    }
                }
            } else {
                for (Path base : current) {
                    Path p = base.resolve(name);
                    if (Files.exists(p)) {
                        next.add(p);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    private static Path dirOf(Path base) {
        return base.toString().isEmpty() ? Path.of(".") : base;
    }

    /**
     * The visible children of {@code dir} whose names match {@code m}, sorted; with no matcher,
     * only regular files (a directory input lists its files, not its sub-directories).
     */
    private static List<Path> list(Path dir, PathMatcher m) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dirOf(dir))) {
            for (Path child : children) {
                Path p = dir.resolve(child.getFileName());
                if (isHidden(p)) {
                    continue;
                }
                if (m == null ? Files.isRegularFile(p) : m.matches(p.getFileName())) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new EmberException("Cannot list input directory " + dir + ": " + e, e);
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }
}
