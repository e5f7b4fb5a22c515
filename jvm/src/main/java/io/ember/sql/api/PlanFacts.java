package io.ember.sql.api;

import io.ember.sql.cache.PlanFingerprint;
import io.ember.sql.catalog.CatalogTableRelation;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.sources.FileSourceRelation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a Dataset's plan says about itself without running it: PySpark's {@code isLocal},
 * {@code inputFiles}, {@code sameSemantics} and {@code semanticHash}. Stateless; safe from any
 * thread (plans are immutable).
 */
public final class PlanFacts {
    private PlanFacts() {
    }

    /** True when the analyzed plan is rows held by the driver (a {@link LocalRelation}). */
    public static boolean isLocal(Dataset<?> ds) {
        return ds.queryExecution().analyzed() instanceof LocalRelation;
    }

    /** The files the plan's file scans read, as {@code file:} URIs, each once, in plan order. */
    public static List<String> inputFiles(Dataset<?> ds) {
        Set<String> files = new LinkedHashSet<>();
        addFiles(ds.queryExecution().analyzed(), files);
        return new ArrayList<>(files);
    }

    private static void addFiles(LogicalPlan plan, Set<String> files) {
        plan.foreach(node -> {
            if (node instanceof FileSourceRelation f) {
                files.addAll(f.inputFiles());
            } else if (node instanceof CatalogTableRelation t) {
                addFiles(t.files(), files);
            }
        });
    }

    /** True when both optimized plans have the same canonical form (the cache's match), so
     * projections that change nothing do not count; leaves must be the same relations. */
    public static boolean sameSemantics(Dataset<?> a, Dataset<?> b) {
        return PlanFingerprint.of(a.queryExecution().optimizedPlan())
                .equals(PlanFingerprint.of(b.queryExecution().optimizedPlan()));
    }

    /**
     * Whether {@code zip} may put the two Datasets side by side: their analyzed plans, outer
     * projections stripped, have the same canonical form (Spark's rule for {@code zip}).
     */
    public static boolean zippable(Dataset<?> a, Dataset<?> b) {
        return PlanFingerprint.of(belowProjects(a.queryExecution().analyzed()))
                .equals(PlanFingerprint.of(belowProjects(b.queryExecution().analyzed())));
    }

    private static LogicalPlan belowProjects(LogicalPlan plan) {
        while (plan instanceof Project p) {
            plan = p.child();
        }
        return plan;
    }

    /** A hash of the canonical plan, equal for Datasets with {@link #sameSemantics}. */
    public static int semanticHash(Dataset<?> ds) {
        return PlanFingerprint.of(ds.queryExecution().optimizedPlan()).hashCode();
    }
}
