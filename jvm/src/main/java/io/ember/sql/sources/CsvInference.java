package io.ember.sql.sources;

import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.IntegerType;
import io.ember.sql.types.LongType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds a CSV schema as Spark does. Column names come from the first line of the first file
 * when {@code header} is set ({@code _c0, _c1, ...} otherwise, or for empty names; a repeated
 * name gets its position appended). With {@code inferSchema}, each value is tried against the
 * chain int, bigint, double, date, timestamp, boolean, string, starting at the type the column
 * has so far, and the column's type widens to cover it; a column with only nulls is a string.
 * Without it every column is a string. Runs on the driver, reading every line of the files in
 * chunks of {@link #CHUNK} bytes in parallel (the common fork-join pool).
 */
final class CsvInference {
    private CsvInference() {}

    /** Bytes of a file one inference task reads; chunks run in parallel on the driver's cores. */
    static final long CHUNK = 16L << 20;

    static StructType infer(List<Path> files, CsvOptions o) {
        return infer(files, o, CHUNK);
    }

    static StructType infer(List<Path> files, CsvOptions o, long chunkBytes) {
        String[] names = null;
        for (Path file : files) {
            String first = firstRecord(file, o);
            if (first != null) {
                names = names(new CsvTokenizer(o).tokenize(first), o.header);
                break;
            }
        }
        if (names == null) {
            return new StructType(List.of());
        }
        DataType[] types = new DataType[names.length];
        java.util.Arrays.fill(types, DataTypes.NullType);
        if (o.inferSchema) {
            List<long[]> chunks = new ArrayList<>(); // {file index, start, end}
            for (int f = 0; f < files.size(); f++) {
                long size = size(files.get(f));
                long chunk = o.multiLine ? Math.max(1, size) : chunkBytes; // multi-line records: whole files
                for (long start = 0; start < size; start += chunk) {
                    chunks.add(new long[] {f, start, Math.min(size, start + chunk)});
                }
            }
            int width = names.length;
            types = chunks.parallelStream()
                    .map(c -> inferChunk(files.get((int) c[0]), c[1], c[2], width, o))
                    .reduce(types, CsvInference::widenAll);
        }
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            DataType t = types[i] instanceof NullType ? DataTypes.StringType : types[i];
            fields.add(new StructField(names[i], t, true));
        }
        return new StructType(fields);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }

    /** The first line of {@code file} that is not blank or a comment, or null. */
    private static String firstRecord(Path file, CsvOptions o) {
        try (FileFormat.CloseableIterator<String> lines = Records.csv(file, 0, size(file), o)) {
            while (lines.hasNext()) {
                String line = lines.next();
                if (!o.skipLine(line)) {
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The column types of the lines starting in {@code [start, end)} of one file (its header skipped). */
    private static DataType[] inferChunk(Path file, long start, long end, int width, CsvOptions o) {
        DataType[] types = new DataType[width];
        java.util.Arrays.fill(types, DataTypes.NullType);
        CsvTokenizer tokenizer = new CsvTokenizer(o);
        boolean headerPending = o.header && start == 0;
        try (FileFormat.CloseableIterator<String> lines = Records.csv(file, start, end, o)) {
            while (lines.hasNext()) {
                String line = lines.next();
                if (o.skipLine(line)) {
                    continue;
                }
                if (headerPending) {
                    headerPending = false;
                    continue;
                }
                String[] tokens = tokenizer.tokenize(line);
                for (int i = 0; i < Math.min(tokens.length, width); i++) {
                    String t = tokens[i];
                    if (t != null && !t.equals(o.nullValue)) {
                        types[i] = widen(types[i], typeOf(t, types[i], o.values));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return types;
    }

    private static DataType[] widenAll(DataType[] a, DataType[] b) {
        DataType[] out = new DataType[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = widen(a[i], b[i]);
        }
        return out;
    }

    static String[] names(String[] tokens, boolean header) {
        String[] names = new String[tokens.length];
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (int i = 0; i < tokens.length; i++) {
            names[i] = !header || tokens[i] == null || tokens[i].isEmpty() ? "_c" + i : tokens[i];
            if (!seen.add(names[i].toLowerCase(Locale.ROOT))) {
                repeated.add(names[i].toLowerCase(Locale.ROOT));
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (header && repeated.contains(names[i].toLowerCase(Locale.ROOT))) {
                names[i] = names[i] + i;
            }
        }
        return names;
    }

    /** The first type of the chain, from {@code soFar}'s place in it, that reads {@code s}. */
    static DataType typeOf(String s, DataType soFar, TextValues values) {
        int from = rank(soFar);
        if (from <= 0 && isInt(s)) {
            return DataTypes.IntegerType;
        }
        if (from <= 1 && isLong(s)) {
            return DataTypes.LongType;
        }
        if (from <= 2 && isDouble(s)) {
            return DataTypes.DoubleType;
        }
        if (from <= 3 && values.isDate(s)) {
            return DataTypes.DateType;
        }
        if (from <= 4 && values.isTimestamp(s)) {
            return DataTypes.TimestampType;
        }
        if (from <= 5 && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return DataTypes.BooleanType;
        }
        return DataTypes.StringType;
    }

    private static int rank(DataType t) {
        if (t instanceof NullType || t instanceof IntegerType) {
            return 0;
        }
        if (t instanceof LongType) {
            return 1;
        }
        if (t instanceof DoubleType) {
            return 2;
        }
        if (t instanceof DateType) {
            return 3;
        }
        if (t instanceof TimestampType) {
            return 4;
        }
        if (t instanceof BooleanType) {
            return 5;
        }
        return 6;
    }

    /** The narrowest type holding both (Spark's CSV {@code compatibleType}). */
    static DataType widen(DataType a, DataType b) {
        if (a.equals(b) || b instanceof NullType) {
            return a;
        }
        if (a instanceof NullType) {
            return b;
        }
        if (a instanceof StringType || b instanceof StringType) {
            return DataTypes.StringType;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra <= 2 && rb <= 2) {
            return ra > rb ? a : b;
        }
        if ((ra == 3 || ra == 4) && (rb == 3 || rb == 4)) {
            return DataTypes.TimestampType;
        }
        return DataTypes.StringType;
    }

    private static boolean isInt(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isLong(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDouble(String s) {
        try {
            ColumnBuilders.Doubles.parse(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
