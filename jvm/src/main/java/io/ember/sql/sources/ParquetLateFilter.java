package io.ember.sql.sources;

import io.ember.sql.execution.BindReferences;
import io.ember.sql.execution.VectorOps;
import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.BinaryComparison;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.In;
import io.ember.sql.expressions.IsNotNull;
import io.ember.sql.expressions.IsNull;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.Not;
import io.ember.sql.expressions.Or;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a scan's pushed filters that a Parquet reader evaluates itself, for late
 * materialization: the reader decodes the columns these conjuncts read first, and the other
 * columns only for the rows that pass. The filter still runs above the scan
 * ({@code ScanStrategy} keeps it), so dropping a row here is only ever an early copy of what
 * the filter does anyway; it must therefore never raise an error or differ from the filter on
 * a row. Only conjuncts built from comparisons, {@code IN} lists of literals,
 * {@code IS [NOT] NULL}, {@code AND}/{@code OR}/{@code NOT} over columns and literals are
 * taken: they are deterministic, raise no errors (even under ANSI) and keep no state, so
 * evaluating them twice, or in another order than the filter's, changes nothing. Immutable;
 * each reader evaluates it on its own task thread.
 */
final class ParquetLateFilter {
    private final Expression predicate; // bound to the filter columns, in required order
    private final int[] columns; // the filter columns as indices of the required schema, ascending

    private ParquetLateFilter(Expression predicate, int[] columns) {
        this.predicate = predicate;
        this.columns = columns;
    }

    /**
     * The late filter of {@code filters} (conjuncts) over a read of {@code required}, or null when
     * no conjunct is safe to evaluate early or the safe ones read every required column (nothing
     * would be left to skip).
     */
    static ParquetLateFilter of(List<Expression> filters, StructType required) {
        List<Expression> safe = new ArrayList<>();
        Set<Integer> read = new java.util.TreeSet<>();
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
            String name = required.field(c).name();
            input.add(attrs.stream().filter(a -> indexOf(required, a.name()) == c).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no attribute for " + name)));
        }
        Expression all = safe.get(0);
        for (int i = 1; i < safe.size(); i++) {
            all = new And(all, safe.get(i));
        }
        // a column may appear under several attribute ids (self-joins keep one id per side); bind each to its column
        Expression conjunction = all.transformUp(x -> x instanceof AttributeReference a
                ? input.get(java.util.Arrays.binarySearch(columns, indexOf(required, a.name()))) : x);
        return new ParquetLateFilter(BindReferences.bind(conjunction, input), columns);
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
        return VectorOps.selectTrue(predicate.eval(new ColumnBatch(in, n)), n, into);
    }

    private static boolean safe(Expression e) {
        if (e instanceof AttributeReference || e instanceof Literal) {
            return true;
        }
        if (e instanceof BinaryComparison c) {
            return c.children().stream().allMatch(k -> k instanceof AttributeReference || k instanceof Literal)
                    && c.children().get(0).dataType().equals(c.children().get(1).dataType());
        }
        if (e instanceof In in) {
            return in.value() instanceof AttributeReference
                    && in.list().stream().allMatch(k -> k instanceof Literal && k.dataType().equals(in.value().dataType()));
        }
        if (e instanceof IsNull || e instanceof IsNotNull) {
            return e.children().get(0) instanceof AttributeReference;
        }
        if (e instanceof And || e instanceof Or || e instanceof Not) {
            return e.children().stream().allMatch(ParquetLateFilter::safe);
        }
        return false;
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
