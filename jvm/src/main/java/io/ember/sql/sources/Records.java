package io.ember.sql.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ember.rdd.LineReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The records of a text split, as the CSV and JSON readers (and their schema inference) see
 * them: lines by default (a split owns the lines that start in it); with {@code multiLine}, CSV
 * records run on over line breaks while a quoted field is open, and a JSON file is one document
 * whose array elements (or the one object) are the records. Multi-line formats are not
 * splittable, so such a split is a whole file. Used by one thread.
 */
final class Records {
    private Records() {}

    static FileFormat.CloseableIterator<String> lines(Path file, long start, long end) throws IOException {
        LineReader lines = new LineReader(file, start, end);
        return new FileFormat.CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public String next() {
                return lines.next();
            }

            @Override
            public void close() {
                lines.close();
            }
        };
    }

    /** CSV records: lines, joined (with {@code \n}) while a quoted field is still open when {@code o.multiLine}. */
    static FileFormat.CloseableIterator<String> csv(Path file, long start, long end, CsvOptions o) throws IOException {
        FileFormat.CloseableIterator<String> lines = lines(file, start, end);
        if (!o.multiLine) {
            return lines;
        }
        CsvTokenizer tokenizer = new CsvTokenizer(o);
        return new FileFormat.CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public String next() {
                StringBuilder record = new StringBuilder(lines.next());
                tokenizer.tokenize(record.toString());
                while (tokenizer.endedInsideQuotes() && lines.hasNext()) {
                    record.append('\n').append(lines.next());
                    tokenizer.tokenize(record.toString());
                }
                return record.toString();
            }

            @Override
            public void close() {
                lines.close();
            }
        };
    }

    /**
     * JSON records: lines, or with {@code multiLine} the split's whole file as one document: the
     * elements of a top-level array, else the document itself (a malformed or non-object document
     * is one record, which the reader then treats as malformed, as Spark does).
     */
    static FileFormat.CloseableIterator<String> json(Path file, long start, long end, boolean multiLine) throws IOException {
        if (!multiLine) {
            return lines(file, start, end);
        }
        List<String> docs = new ArrayList<>();
        if (start == 0) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode root = JsonInference.parse(new ObjectMapper(), text);
            if (root != null && root.isArray()) {
                root.forEach(e -> docs.add(e.toString()));
            } else if (!text.isBlank()) {
                docs.add(root != null && root.isObject() ? root.toString() : text);
            }
        }
        Iterator<String> it = docs.iterator();
        return new FileFormat.CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public String next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                return it.next();
            }

            @Override
            public void close() {
                // the file was read whole when opened
            }
        };
    }
}
