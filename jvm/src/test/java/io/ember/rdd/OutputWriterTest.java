package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multi-file commit protocol the DataFrame writers use: sub-directories, append, abort. */
class OutputWriterTest {
    private static EmberContext ec;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("output-writer-test"));
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** Each element goes to {@code <element>/part-<partition>-<tag>}. */
    private static OutputWriter.FilesWriter<String> byValue(String tag) {
        return (items, files, ctx) -> {
            while (items.hasNext()) {
                String v = items.next();
                try (OutputStream out = files.create(v + "/part-" + ctx.partitionId() + "-" + tag)) {
                    out.write(v.getBytes(StandardCharsets.UTF_8));
                }
            }
        };
    }

    @Test
    void tasksWriteManyFilesInSubdirectoriesAndAppendsAddToThem() throws Exception {
        Path out = tmp.resolve("out");
        RDD<String> rdd = new ParallelCollectionRDD<>(ec, List.of("k=a", "k=b", "k=c"), 2);
        OutputWriter.saveFiles(rdd, out.toString(), false, byValue("one"));
        assertEquals(List.of("_SUCCESS", "k=a/part-0-one", "k=b/part-1-one", "k=c/part-1-one"), listing(out));
        assertThrows(EmberException.class, () -> OutputWriter.saveFiles(rdd, out.toString(), false, byValue("two")));
        OutputWriter.saveFiles(rdd, out.toString(), true, byValue("two"));
        assertEquals(7, listing(out).size());
        assertFalse(Files.exists(out.resolve("_temporary")));
    }

    @Test
    void aFailedJobLeavesNothingAndAFailedAppendKeepsWhatWasThere() throws Exception {
        Path out = tmp.resolve("out");
        RDD<String> rdd = new ParallelCollectionRDD<>(ec, List.of("k=a", "boom"), 2);
        OutputWriter.FilesWriter<String> failing = (items, files, ctx) -> {
            while (items.hasNext()) {
                String v = items.next();
                if (v.equals("boom")) {
                    throw new IOException("boom");
                }
                files.create(v + "/f").close();
            }
        };
        assertThrows(RuntimeException.class, () -> OutputWriter.saveFiles(rdd, out.toString(), false, failing));
        assertFalse(Files.exists(out));
        OutputWriter.saveFiles(new ParallelCollectionRDD<>(ec, List.of("k=z"), 1), out.toString(), false, byValue("ok"));
        assertThrows(RuntimeException.class, () -> OutputWriter.saveFiles(rdd, out.toString(), true, failing));
        assertEquals(List.of("_SUCCESS", "k=z/part-0-ok"), listing(out));
    }

    @Test
    void aTaskCannotWriteOutsideTheOutputDirectory() {
        Path out = tmp.resolve("out");
        RDD<String> rdd = new ParallelCollectionRDD<>(ec, List.of("x"), 1);
        assertThrows(RuntimeException.class, () -> OutputWriter.saveFiles(rdd, out.toString(), false,
                (items, files, ctx) -> files.create("../escape").close()));
        assertTrue(Files.notExists(tmp.resolve("escape")));
    }
}
