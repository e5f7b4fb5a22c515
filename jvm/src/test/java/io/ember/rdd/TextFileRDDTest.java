package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.core.EmberException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileRDDTest {
    private static final String[] CONTENTS = {
        "",
        "\n",
        "\n\n",
        "a",
        "a\n",
        "abc\ndef\n",
        "abc\ndef",
        "\n\nx\n\n",
        "one\r\ntwo\r\n\r\nthree",
        "crlf at end\r\n",
        "cr at eof\r",
        "héllo wörld\n日本語のテキスト\n\nemoji 😀 here\nlast",
        "long line " + "x".repeat(100) + "\nshort\n" + "y".repeat(37),
    };

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static List<String> read(Path file, long start, long end, int buffer) throws IOException {
        try (LineReader r = new LineReader(file, start, end, buffer)) {
            return Iterators.toList(r);
        }
    }

    /** Files.readAllLines agrees with the reader on these contents (they hold no '\r' inside a line). */
    private static List<String> expected(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    @Test
    void twoSplitsAtEveryOffsetReadEachLineOnce() throws IOException {
        for (int c = 0; c < CONTENTS.length; c++) {
            Path f = write("f" + c + ".txt", CONTENTS[c]);
            long len = Files.size(f);
            List<String> want = expected(f);
            for (int buffer : new int[] {1, 2, 3, 7, LineReader.DEFAULT_BUFFER}) {
                for (long k = 0; k <= len; k++) {
                    List<String> got = new ArrayList<>(read(f, 0, k, buffer));
                    got.addAll(read(f, k, len, buffer));
                    assertEquals(want, got, "content #" + c + " split at " + k + " buffer " + buffer);
                }
            }
        }
    }

    @Test
    void threeSplitsAtEveryPairOfOffsets() throws IOException {
        for (int c = 0; c < CONTENTS.length; c++) {
            Path f = write("g" + c + ".txt", CONTENTS[c]);
            long len = Files.size(f);
            List<String> want = expected(f);
            for (long i = 0; i <= len; i++) {
                for (long j = i; j <= len; j++) {
                    List<String> got = new ArrayList<>(read(f, 0, i, 4));
                    got.addAll(read(f, i, j, 4));
                    got.addAll(read(f, j, len, 4));
                    assertEquals(want, got, "content #" + c + " split at " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void crlfLineEndsAreStripped() throws IOException {
        Path f = write("crlf.txt", "a\r\nb\r\n\r\nc\r\n");
        assertEquals(List.of("a", "b", "", "c"), read(f, 0, Files.size(f), 1024));
    }

    @Test
    void lastLineWithoutNewlineIsRead() throws IOException {
        Path f = write("nonl.txt", "a\nb");
        assertEquals(List.of("a", "b"), read(f, 0, Files.size(f), 1024));
    }

    @Test
    void trailingNewlineMakesNoEmptyLastLine() throws IOException {
        Path f = write("nl.txt", "a\nb\n");
        assertEquals(List.of("a", "b"), read(f, 0, Files.size(f), 1024));
    }

    @Test
    void byteOrderMarkIsSkippedAtEverySplit() throws IOException {
        Path f = write("bom.txt", "\uFEFFfirst\nsecond\n");
        long len = Files.size(f);
        for (long k = 0; k <= len; k++) {
            List<String> got = new ArrayList<>(read(f, 0, k, 2));
            got.addAll(read(f, k, len, 2));
            assertEquals(List.of("first", "second"), got, "split at " + k);
        }
    }

    @Test
    void emptyFileIsOneEmptyPartition() throws IOException {
        write("empty/e.txt", "");
        TextFileRDD rdd = new TextFileRDD(new TestingIdContext(), tmp.resolve("empty").toString(), 4);
        assertEquals(1, rdd.getNumPartitions());
        assertEquals(List.of(), TestingIdContext.computeAll(rdd));
    }

    @Test
    void splitPlanFollowsHadoopSlop() {
        List<Path> files = List.of(Path.of("/a"), Path.of("/b"), Path.of("/c"));
        List<TextFileRDD.FileSplit> splits = TextFileRDD.split(files, new long[] {10, 11, 0}, 10);
        assertEquals(List.of(
                new TextFileRDD.FileSplit(0, "/a", 0, 10),
                new TextFileRDD.FileSplit(1, "/b", 0, 11),
                new TextFileRDD.FileSplit(2, "/c", 0, 0)), splits);
        assertEquals(List.of(
                new TextFileRDD.FileSplit(0, "/a", 0, 3),
                new TextFileRDD.FileSplit(1, "/a", 3, 3),
                new TextFileRDD.FileSplit(2, "/a", 6, 3),
                new TextFileRDD.FileSplit(3, "/a", 9, 1)),
                TextFileRDD.split(List.of(Path.of("/a")), new long[] {10}, 3));
    }

    @Test
    void splitSizeIsGoalSizeClampedBetweenOneAnd64MegabytesAndEven() {
        assertEquals(TextFileRDD.MIN_SPLIT, TextFileRDD.splitSize(100, 2));
        assertEquals(50L << 20, TextFileRDD.splitSize(100L << 20, 2));
        assertEquals(50L << 20, TextFileRDD.splitSize(200L << 20, 2));
        assertEquals(TextFileRDD.MAX_SPLIT, TextFileRDD.splitSize(256L << 20, 2));
        long big = (200L << 20) + 123;
        assertEquals(4, TextFileRDD.split(List.of(Path.of("/big")), new long[] {big},
                TextFileRDD.splitSize(big, 2)).size());
        assertEquals(TextFileRDD.MIN_SPLIT, TextFileRDD.splitSize(0, 0));
    }

    @Test
    void largeFileIsSplitAndEveryLineReadOnce() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < (3 << 20) + 12345; i++) {
            sb.append("line number ").append(i).append(" ").append("z".repeat(i % 97)).append('\n');
        }
        Path f = write("big.txt", sb.toString());
        TextFileRDD rdd = new TextFileRDD(new TestingIdContext(), f.toString(), 3);
        assertEquals(3, rdd.getNumPartitions());
        assertEquals(Files.readAllLines(f), TestingIdContext.computeAll(rdd));
    }

    @Test
    void directoryReadsItsVisibleFilesInNameOrder() throws IOException {
        write("dir/part-00001", "b1\nb2\n");
        write("dir/part-00000", "a1\n");
        write("dir/_SUCCESS", "");
        write("dir/.part-00000.crc", "junk\n");
        write("dir/sub/nested.txt", "nested\n");
        TextFileRDD rdd = new TextFileRDD(new TestingIdContext(), tmp.resolve("dir").toString(), 2);
        assertEquals(List.of("a1", "b1", "b2"), TestingIdContext.computeAll(rdd));
    }

    @Test
    void globsMatchFileNamesAndDirectoryComponents() throws IOException {
        write("g/a.txt", "a\n");
        write("g/b.txt", "b\n");
        write("g/c.csv", "c\n");
        write("g/_hidden.txt", "hidden\n");
        write("h/x1/data.txt", "x1\n");
        write("h/x2/data.txt", "x2\n");
        write("h/y1/data.txt", "y1\n");
        RDDContext ctx = new TestingIdContext();
        assertEquals(List.of("a", "b"), TestingIdContext.computeAll(new TextFileRDD(ctx, tmp + "/g/*.txt", 2)));
        assertEquals(List.of("a", "c"), TestingIdContext.computeAll(new TextFileRDD(ctx, tmp + "/g/{a.txt,c.csv}", 2)));
        assertEquals(List.of("x1", "x2"), TestingIdContext.computeAll(new TextFileRDD(ctx, tmp + "/h/x*/data.txt", 2)));
        assertEquals(List.of("x1", "x2", "y1"), TestingIdContext.computeAll(new TextFileRDD(ctx, tmp + "/h/*", 2)));
        assertEquals(List.of("a", "b", "c"), TestingIdContext.computeAll(new TextFileRDD(ctx, tmp + "/g/?.*", 2)));
    }

    @Test
    void commaSeparatedPathsKeepTheirOrder() throws IOException {
        write("c/one.txt", "1\n");
        write("c/two.txt", "2\n");
        write("c/d/three.txt", "3\n");
        String spec = tmp + "/c/two.txt," + tmp + "/c/d," + "file:" + tmp + "/c/one.txt";
        assertEquals(List.of("2", "3", "1"),
                TestingIdContext.computeAll(new TextFileRDD(new TestingIdContext(), spec, 2)));
    }

    @Test
    void explicitlyNamedHiddenFileIsRead() throws IOException {
        write("_explicit.txt", "x\n");
        assertEquals(List.of("x"), TestingIdContext.computeAll(
                new TextFileRDD(new TestingIdContext(), tmp + "/_explicit.txt", 1)));
    }

    @Test
    void missingPathFailsAtConstruction() throws IOException {
        write("present.txt", "p\n");
        String missing = tmp + "/nope.txt";
        EmberException e = assertThrows(EmberException.class,
                () -> new TextFileRDD(new TestingIdContext(), tmp + "/present.txt," + missing, 2));
        assertEquals("Input path does not exist: " + missing, e.getMessage());
        EmberException g = assertThrows(EmberException.class,
                () -> new TextFileRDD(new TestingIdContext(), tmp + "/*.csv", 2));
        assertEquals("Input path does not exist: " + tmp + "/*.csv", g.getMessage());
    }

    @Test
    void commasInsideBracesBelongToTheGlob() {
        assertEquals(List.of("/a/{x,y}.txt", "/b"), InputPaths.splitEntries("/a/{x,y}.txt,/b"));
        assertEquals(List.of("/a", "/b"), InputPaths.splitEntries("/a,,/b,"));
    }
}
