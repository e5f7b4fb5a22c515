package io.ember.sql.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records CSV and JSON readers see, with and without multiLine. */
class RecordsTest {
    @TempDir
    Path tmp;

    private static List<String> all(FileFormat.CloseableIterator<String> it) {
        List<String> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void csvRecordsRunOnWhileAQuotedFieldIsOpen() throws IOException {
        String text = "id,text\n1,\"hello\nworld\"\n2,plain\n3,\"x\\\"\ny\"\n4,\"never closed\nstill\n";
        Path p = file("a.csv", text);
        CsvOptions multi = new CsvOptions(new SourceOptions(Map.of("multiLine", "true")), "_corrupt_record");
        assertEquals(List.of("id,text", "1,\"hello\nworld\"", "2,plain", "3,\"x\\\"\ny\"", "4,\"never closed\nstill"),
                all(Records.csv(p, 0, Files.size(p), multi)));
        CsvOptions single = new CsvOptions(new SourceOptions(Map.of()), "_corrupt_record");
        assertEquals(List.of(text.split("\n")), all(Records.csv(p, 0, Files.size(p), single)));
    }

    @Test
    void multiLineJsonFilesAreOneDocument() throws IOException {
        Path arr = file("arr.json", "[{\"a\": 1},\n {\"a\": 2,\n  \"b\": [1, 2]}]\n");
        assertEquals(List.of("{\"a\":1}", "{\"a\":2,\"b\":[1,2]}"), all(Records.json(arr, 0, Files.size(arr), true)));
        Path obj = file("obj.json", "{\n  \"a\": 3\n}\n");
        assertEquals(List.of("{\"a\":3}"), all(Records.json(obj, 0, Files.size(obj), true)));
        Path bad = file("bad.json", "{\"a\": 1,\n \"b\": \n");
        assertEquals(List.of("{\"a\": 1,\n \"b\": \n"), all(Records.json(bad, 0, Files.size(bad), true)));
        Path blank = file("blank.json", "\n\n");
        assertEquals(List.of(), all(Records.json(blank, 0, Files.size(blank), true)));
        assertEquals(List.of("{", "  \"a\": 3", "}"), all(Records.json(obj, 0, Files.size(obj), false)));
    }
}
