package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.api.EmberFiles;
import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import io.ember.core.Tuple2;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and jars added on the driver reach executor JVMs through the driver's file server:
 * tasks read their own copies in the executor's work dir, and load classes that only the
 * shipped jar holds.
 */
class FileShippingTest {
    @TempDir
    Path tmp;

    @Test
    void addedFilesAndJarsReachExecutorJvms() throws Exception {
        Path data = Files.writeString(tmp.resolve("lookup.txt"), "shipped-content");
        Path dir = Files.createDirectories(tmp.resolve("conf.d"));
        Files.writeString(dir.resolve("a.conf"), "nested");
        Path jar = compileJar("shipped.Greeter", "package shipped; public class Greeter { "
                + "private final int n; public Greeter(int n) { this.n = n; } "
                + "public String toString() { return \"greeter \" + n; } "
                + "public static String greet(String who) { return \"hello \" + who; } }");
        try (EmberContext ec = new EmberContext(new EmberConf(false).setMaster("local-cluster[2,1,512]")
                .setAppName("file-shipping"))) {
            ec.addFile(data.toString());
            ec.addFile(dir.toString(), true);
            ec.addJar(jar.toString());
            List<String> seen = ec.parallelize(List.of(1, 2, 3, 4), 4).map(x -> {
                String path = EmberFiles.get("lookup.txt");
                Class<?> greeter = Class.forName("shipped.Greeter", true, Thread.currentThread().getContextClassLoader());
                String greeting = (String) greeter.getMethod("greet", String.class).invoke(null, "executor");
                return path + "|" + Files.readString(Path.of(path)) + "|" + Files.readString(Path.of(
                        EmberFiles.get("conf.d/a.conf"))) + "|" + greeting;
            }).collect();
            Set<String> paths = new HashSet<>();
            for (String s : seen) {
                String[] parts = s.split("\\|");
                assertEquals(List.of("shipped-content", "nested", "hello executor"), List.of(parts).subList(1, 4), s);
                paths.add(parts[0]);
                assertFalse(parts[0].startsWith(ec.filesDir()), "a task read the driver's copy: " + parts[0]);
            }
            assertEquals(2, paths.size(), "each executor has its own copy: " + paths);
            assertEquals(Path.of(ec.filesDir(), "lookup.txt").toString(), EmberFiles.get("lookup.txt"));

            // objects of a class only the shipped jar holds cross a shuffle (Kryo on the executors)
            List<String> shuffled = ec.parallelize(List.of(1, 2, 3, 4), 2).mapToPair(x -> new Tuple2<>(x % 2,
                    Class.forName("shipped.Greeter", true, Thread.currentThread().getContextClassLoader())
                            .getConstructor(int.class).newInstance(x))).groupByKey(2)
                    .map(t -> t._1() + "=" + t._2().toString()).collect();
            assertEquals(2, shuffled.size(), shuffled.toString());
            assertTrue(shuffled.contains("0=[greeter 2, greeter 4]") || shuffled.contains("0=[greeter 4, greeter 2]"),
                    shuffled.toString());

            // added while executors run: fetched before the next task
            Path later = Files.writeString(tmp.resolve("later.txt"), "added-later");
            ec.addFile(later.toString());
            assertEquals(List.of("added-later", "added-later"), ec.parallelize(List.of(1, 2), 2)
                    .map(x -> Files.readString(Path.of(EmberFiles.get("later.txt")))).collect());
            assertEquals(3, ec.listFiles().size());
            assertEquals(List.of("file:" + jar), ec.listJars());
        }
    }

    @Test
    void badAddsNameTheFile() {
        try (EmberContext ec = new EmberContext(new EmberConf(false).setMaster("local[1]").setAppName("bad-adds"))) {
            EmberException missing = assertThrows(EmberException.class, () -> ec.addFile("/no/such/file.txt"));
            assertTrue(missing.getMessage().contains("/no/such/file.txt"), missing.getMessage());
            assertEquals(tmp + " is a directory; add it with recursive=true",
                    assertThrows(EmberException.class, () -> ec.addFile(tmp.toString())).getMessage());
            EmberException notJar = assertThrows(EmberException.class, () -> ec.addJar(tmp.toString()));
            assertTrue(notJar.getMessage().contains("Not a jar"), notJar.getMessage());
        }
    }

    /** Compiles one class into a jar under the temp dir (not on any classpath). */
    private Path compileJar(String className, String source) throws IOException {
        Path src = tmp.resolve("src");
        Path file = src.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), file.toString());
        assertEquals(0, rc, "javac failed");
        Path jar = tmp.resolve("shipped.jar");
        String entry = className.replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out)) {
            jos.putNextEntry(new JarEntry(entry));
            jos.write(Files.readAllBytes(classes.resolve(entry)));
            jos.closeEntry();
        }
        return jar;
    }
}
