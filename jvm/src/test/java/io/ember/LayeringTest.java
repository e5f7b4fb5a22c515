package io.ember;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package layers of ARCHITECTURE.md pointing one way: a package may import only
 * packages at its own layer or below.
 */
class LayeringTest {
    private static final List<List<String>> LAYERS = List.of(
            List.of("util"), List.of("core"), List.of("serializer"), List.of("rpc"), List.of("storage"),
            List.of("shuffle"), List.of("rdd"), List.of("scheduler"), List.of("executor"), List.of("deploy"),
            List.of("api"), List.of("sql", "streaming"), List.of("ui"), List.of("python"));
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?io\\.ember\\.([a-z]+)", Pattern.MULTILINE);

    private static int layerOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void lowerLayersNeverImportHigherOnes() throws IOException {
        Path root = Path.of("src/main/java/io/ember");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = root.relativize(f).getName(0).toString();
                int own = layerOf(pkg);
                if (own < 0) {
                    violations.add(f + ": package io.ember." + pkg + " is not in the layer list of docs/architecture.md");
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    int target = layerOf(m.group(1));
                    if (target > own) {
                        violations.add(f + " imports io.ember." + m.group(1));
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "layering violations:\n" + String.join("\n", violations));
    }

    @Test
    void fullyQualifiedReferencesAlsoRespectLayers() throws IOException {
        Path root = Path.of("src/main/java/io/ember");
        Pattern inline = Pattern.compile("\\bio\\.ember\\.([a-z]+)\\.[A-Z]");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                int own = layerOf(root.relativize(f).getName(0).toString());
                Matcher m = inline.matcher(Files.readString(f));
                while (m.find()) {
                    if (layerOf(m.group(1)) > own) {
                        violations.add(f + " refers to io.ember." + m.group(1));
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "layering violations:\n" + String.join("\n", violations));
    }
}
