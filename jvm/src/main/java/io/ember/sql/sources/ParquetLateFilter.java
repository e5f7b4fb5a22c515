package io.ember.sql.sources;

import io.ember.sql.execution.BindReferences;
import io.ember.sql.execution.JoinKeyFilter;
import io.ember.sql.execution.VectorOps;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FailFreePredicates;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.StringVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The part of a scan's pushed filters that a Parquet reader evaluates itself, for late
 * materialization: the reader decodes the columns these conjuncts read first, and the other
 * columns only for the rows that pass. The filter still runs above the scan
 * ({@code ScanStrategy} keeps it), so dropping a row here is only ever an early copy of what
 * the filter does anyway; it must therefore never raise an error or differ from the filter on
 * a row. Only conjuncts built from comparisons, {@code IN} lists of literals,
 * {@code IS [NOT] NULL}, {@code AND}/{@code OR}/{@code NOT} over columns and literals, and a
 * join's runtime key filter ({@link JoinKeyFilter}: it drops only rows the join drops) are
 * taken: they are deterministic, raise no errors (even under ANSI) and keep no state, so
 * evaluating them twice, in another order than the filter's, or on a column's dictionary
 * instead of its rows, changes nothing.
 *
 * <p>A conjunct over one string column that arrives dictionary-encoded is evaluated once per
 * dictionary (its entries and a null), and rows are then kept by looking their codes up; a
 * join key filter tests only the rows left; the other conjuncts are evaluated only on the
 * rows those left. Holds the last dictionary's
 * answers per conjunct, so each reader makes its own ({@link #of}); used by one task thread.
 */
final class ParquetLateFilter {
    /** One conjunct: bound to the filter columns, and (when it reads one column) to that column alone. */
    private record Conjunct(Expression bound, int column, Expression single) {}

    private final List<Conjunct> conjuncts;
    private final int[] columns; // the filter columns as indices of the required schema, ascending
    private final StringVector[] lastDictionary; // per conjunct: the dictionary passes[] answers for
    private final boolean[][] passes; // per conjunct: per dictionary code (and, last, null) whether it passes

    private ParquetLateFilter(List<Conjunct> conjuncts, int[] columns) {
        this.conjuncts = conjuncts;
        this.columns = columns;
        this.lastDictionary = new StringVector[conjuncts.size()];
        this.passes = new boolean[conjuncts.size()][];
    }

    /**
     * The late filter of {@code filters} (conjuncts) over a read of {@code required}, or null when
     * no conjunct is safe to evaluate early or the safe ones read every required column (nothing
     * would be left to skip).
     */
    static ParquetLateFilter of(List<Expression> filters, StructType required) {
        List<Expression> safe = new ArrayList<>();
        Set<Integer> read = new TreeSet<>();
        List<AttributeReference> attrs = new ArrayList<>();
        for (Expression f : filters) {
            if (!safe(f)) {
                continue;
            }
            Set<AttributeReference> refs = new LinkedHashSet<>(f.references());
            List<Integer> at = new ArrayList<>();
            for (AttributeReference a : refs) {
                at.add(indexOf(required, a.name()));
            }
            if (at.contains(-1)) {
                continue;
            }
            safe.add(f);
            read.addAll(at);
            attrs.addAll(refs);
        }
        if (safe.isEmpty() || read.size() == required.size()) {
            return null;
        }
        int[] columns = read.stream().mapToInt(Integer::intValue).toArray();
        List<AttributeReference> input = new ArrayList<>();
        for (int c : columns) {
            input.add(attrs.stream().filter(a -> indexOf(required, a.name()) == c).findFirst().orElseThrow());
        }
        List<Conjunct> conjuncts = new ArrayList<>();
        for (Expression f : safe) {
            // a column may appear under several attribute ids (self-joins keep one id per side); use one per column
            Expression e = f.transformUp(x -> x instanceof AttributeReference a
                    ? input.get(Arrays.binarySearch(columns, indexOf(required, a.name()))) : x);
            Set<AttributeReference> refs = e.references();
            int column = refs.size() == 1 ? input.indexOf(refs.iterator().next()) : -1;
            conjuncts.add(new Conjunct(BindReferences.bind(e, input), column,
                    column < 0 ? null : BindReferences.bind(e, List.of(input.get(column)))));
        }
        return new ParquetLateFilter(conjuncts, columns);
    }

    /** The required columns the filter reads, ascending. */
    int[] columns() {
        return columns;
    }

    /**
     * Evaluates the filter over {@code n} rows whose filter columns are in {@code cols} (indexed
     * as the required schema; other entries are not read) and writes the rows that pass,
     * ascending, to {@code into}; returns how many.
     */
    int select(ColumnVector[] cols, int n, int[] into) {
        ColumnVector[] in = new ColumnVector[columns.length];
        for (int i = 0; i < columns.length; i++) {
            in[i] = cols[columns[i]];
        }
        int kept = -1; // -1: every row so far
        for (int c = 0; c < conjuncts.size() && kept != 0; c++) {
            Conjunct j = conjuncts.get(c);
            if (j.single != null && in[j.column] instanceof DictionaryVector d && d.dictionary instanceof StringVector s) {
                kept = keepByCode(passes(c, s), d.codes, n, into, kept);
            }
        }
        // the other conjuncts one at a time, each only on the rows all before it kept (as ConjunctFilter)
        for (int c = 0; c < conjuncts.size() && kept != 0; c++) {
            Conjunct j = conjuncts.get(c);
            if (j.single instanceof JoinKeyFilter
                    || j.single != null && in[j.column] instanceof DictionaryVector d && d.dictionary instanceof StringVector) {
                continue;
            }
            if (kept < 0 || kept == n) {
                kept = VectorOps.selectTrue(j.bound.eval(new ColumnBatch(in, n)), n, into);
            } else if (j.single != null) {
                ColumnVector[] one = {VectorOps.gather(in[j.column], into, kept)};
                kept = VectorOps.compactTrue(j.single.eval(new ColumnBatch(one, kept)), into, kept);
            } else {
                ColumnVector[] left = new ColumnVector[in.length];
                for (int i = 0; i < in.length; i++) {
                    left[i] = VectorOps.gather(in[i], into, kept);
                }
                kept = VectorOps.compactTrue(j.bound.eval(new ColumnBatch(left, kept)), into, kept);
            }
        }
        // join key filters last, on the fewest rows, without a boolean per row
        for (int c = 0; c < conjuncts.size() && kept != 0; c++) {
            if (conjuncts.get(c).single instanceof JoinKeyFilter k) {
                kept = k.keep(in[conjuncts.get(c).column], n, into, kept);
            }
        }
        if (kept < 0) {
            for (int i = 0; i < n; i++) {
                into[i] = i;
            }
            return n;
        }
        return kept;
    }

    /** Rows (all {@code n}, or {@code into[0, kept)}) whose code passes, into {@code into}; returns how many. */
    private static int keepByCode(boolean[] pass, int[] codes, int n, int[] into, int kept) {
        int nullSlot = pass.length - 1;
        int m = 0;
        if (kept < 0) {
            for (int i = 0; i < n; i++) {
                int code = codes[i];
                if (pass[code < 0 ? nullSlot : code]) {
                    into[m++] = i;
                }
            }
        } else {
            for (int k = 0; k < kept; k++) {
                int i = into[k];
                int code = codes[i];
                if (pass[code < 0 ? nullSlot : code]) {
                    into[m++] = i;
                }
            }
        }
        return m;
    }

    /** Conjunct {@code c}'s answer per entry of {@code dictionary} and, last, for null. */
    private boolean[] passes(int c, StringVector dictionary) {
        if (lastDictionary[c] != dictionary) {
            String[] values = Arrays.copyOf(dictionary.values, dictionary.size() + 1);
            int size = values.length;
            ColumnVector v = new StringVector(dictionary.dataType(), values);
            int[] rows = new int[size];
            int m = VectorOps.selectTrue(conjuncts.get(c).single.eval(new ColumnBatch(new ColumnVector[] {v}, size)),
                    size, rows);
            boolean[] pass = new boolean[size];
            for (int i = 0; i < m; i++) {
                pass[rows[i]] = true;
            }
            passes[c] = pass;
            lastDictionary[c] = dictionary;
        }
        return passes[c];
    }

    /** A key filter of a column, or a predicate that cannot fail, is safe to evaluate on rows the plan would not filter. */
    private static boolean safe(Expression e) {
        return e instanceof JoinKeyFilter k ? k.child() instanceof AttributeReference : FailFreePredicates.cannotFail(e);
    }

    private static int indexOf(StructType required, String name) {
        for (int i = 0; i < required.size(); i++) {
            if (required.field(i).name().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < required.size(); i++) {
            if (required.field(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
