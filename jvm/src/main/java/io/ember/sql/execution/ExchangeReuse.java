package io.ember.sql.execution;

import io.ember.rdd.ShuffleDependency;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.sources.FileSourceScanExec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Shares one shuffle among the exchanges of a query run that compute the same rows, as Spark's
 * {@code ReuseExchange} does ({@code spark.sql.exchange.reuse}, default true): TPC-H's q15 reads
 * its {@code revenue} view twice and q11 its join of partsupp, supplier and nation twice, and
 * each copy would scan, filter, aggregate and shuffle again. Two exchanges match when their
 * subtrees are equal once expression ids are renumbered in the order they appear (children
 * before their parent, arguments in order), which is how two analyses of one view differ. Only
 * subtrees of operators whose {@code args()} say everything about their rows take part
 * ({@link #KNOWN}); any other operator (a Python function, a generator, a local relation) keeps
 * its exchange to itself. One instance per run of a physical plan (in its
 * {@link ExecutionContext}), so a later run reads its sources again. Thread-safe.
 */
public final class ExchangeReuse {
    static final String ENABLED = "spark.sql.exchange.reuse";
    private static final Set<Class<?>> KNOWN = Set.of(FileSourceScanExec.class, FilterExec.class, ProjectExec.class,
            HashAggregateExec.class, ShuffleExchangeExec.class, SortExec.class, BroadcastHashJoinExec.class,
            SortMergeJoinExec.class, ShuffledHashJoinExec.class);

    private final Map<List<Object>, ShuffleDependency<Integer, byte[], byte[]>> shuffles = new HashMap<>();

    /**
     * The shuffle of {@code exchange}: one an equal exchange of this run already built, else
     * {@code build}'s (remembered for the next equal one). {@code reused} hears of a shared one.
     */
    ShuffleDependency<Integer, byte[], byte[]> shuffle(SqlConf conf, ShuffleExchangeExec exchange,
            Supplier<ShuffleDependency<Integer, byte[], byte[]>> build, Runnable reused) {
        if (!Boolean.parseBoolean(conf.get(ENABLED, "true"))) {
            return build.get();
        }
        List<Object> key = new Fingerprint().of(exchange);
        if (key == null) {
            return build.get();
        }
        synchronized (this) {
            ShuffleDependency<Integer, byte[], byte[]> known = shuffles.get(key);
            if (known != null) {
                reused.run();
                return known;
            }
        }
        ShuffleDependency<Integer, byte[], byte[]> built = build.get();   // may build (and register) inner exchanges
        synchronized (this) {
            ShuffleDependency<Integer, byte[], byte[]> first = shuffles.putIfAbsent(key, built);
            return first != null ? first : built;
        }
    }

    /** A subtree's canonical form; null when it holds an operator outside {@link #KNOWN}. */
    private static final class Fingerprint {
        private final Map<ExprId, ExprId> ids = new HashMap<>();

        List<Object> of(SparkPlan plan) {
            if (!KNOWN.contains(plan.getClass())) {
                return null;
            }
            List<Object> out = new ArrayList<>();
            out.add(plan.getClass());
            for (SparkPlan child : plan.children()) {
                List<Object> c = of(child);
                if (c == null) {
                    return null;
                }
                out.add(c);
            }
            for (Object arg : plan.arguments()) {
                out.add(canonical(arg));
            }
            return out;
        }

        private Object canonical(Object arg) {
            if (arg instanceof Expression e) {
                return e.transformUp(this::renumbered);
            }
            if (arg instanceof List<?> list) {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(x -> out.add(canonical(x)));
                return out;
            }
            if (arg instanceof Optional<?> o) {
                return o.map(this::canonical);
            }
            if (arg instanceof Partitioning.Hash h) {
                return List.of(Partitioning.Hash.class, canonical(h.expressions()), h.numPartitions());
            }
            if (arg instanceof Partitioning.Range r) {
                return List.of(Partitioning.Range.class, canonical(r.ordering()), r.numPartitions());
            }
            return arg;
        }

        private Expression renumbered(Expression e) {
            if (e instanceof AttributeReference a) {
                return new AttributeReference("", a.dataType(), true, number(a.exprId()), List.of());
            }
            if (e instanceof Alias a) {
                return new Alias(a.child(), "", number(a.exprId()));
            }
            return e;
        }

        private ExprId number(ExprId id) {
            return ids.computeIfAbsent(id, k -> new ExprId(-1 - ids.size()));
        }
    }
}
