package io.ember.sql.cache;

import io.ember.api.EmberContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.plans.LogicalPlan;
import io.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's cached queries ({@code df.cache()}, {@code df.persist(level)}), and the rewrite
 * that makes later queries read them: {@link #useCachedData} replaces every fragment of an
 * analyzed plan whose canonical form ({@link PlanFingerprint}) equals a cached plan's with an
 * {@link InMemoryRelation}, largest fragments first. The session's query execution calls it
 * between analysis and optimization, as Spark's CacheManager is used.
 *
 * <p>Caching records the plan only; the data is built by the first action that reads it.
 * {@link #uncacheQuery} removes an entry and its blocks on every executor. Thread-safe: the
 * entries are guarded by this object's lock (queries on several threads look up and cache).
 */
public final class CacheManager {
    private static final Logger LOG = LoggerFactory.getLogger(CacheManager.class);

    /** Plans an analyzed query to a physical plan (optimizer and planner), for building a cache. */
    public interface QueryPlanning {
        SparkPlan plan(LogicalPlan analyzedWithCachedData);
    }

    /** One cached query: its analyzed plan as cached, that plan's canonical form, and its relation. */
    private record Entry(LogicalPlan plan, LogicalPlan canonical, InMemoryRelation relation) {}

    private final EmberContext context;
    private final QueryPlanning planning;
    private final List<Entry> entries = new ArrayList<>();
    private long version;

    public CacheManager(EmberContext context, QueryPlanning planning) {
        this.context = context;
        this.planning = planning;
    }

    /**
     * Caches the result of {@code analyzed} at {@code level} (a no-op, with a warning, when an
     * equal plan is cached already). {@code name} labels the cached RDD.
     */
    public void cacheQuery(LogicalPlan analyzed, String name, StorageLevel level) {
        if (!level.isValid()) {
            throw new IllegalArgumentException("Cannot cache at storage level " + level);
        }
        LogicalPlan canonical = PlanFingerprint.of(analyzed);
        synchronized (this) {
            if (find(canonical).isPresent()) {
                LOG.warn("Asked to cache already cached data.");
                return;
            }
        }
        LogicalPlan withCached = useCachedData(analyzed);
        PartitionStats stats = context.register(new PartitionStats(), "cached partitions of " + name);
        SparkPlan[] physical = new SparkPlan[1];
        CachedRDDBuilder builder = new CachedRDDBuilder(analyzed.output(), level, name, () -> {
            synchronized (physical) {
                if (physical[0] == null) {
                    physical[0] = planning.plan(withCached);
                }
                return physical[0];
            }
        }, stats);
        InMemoryRelation relation = new InMemoryRelation(analyzed.output(), builder, analyzed.stats());
        boolean added = false;
        synchronized (this) {
            if (find(canonical).isEmpty()) {
                entries.add(new Entry(analyzed, canonical, relation));
                version++;
                added = true;
            }
        }
        if (!added) { // another thread cached it meanwhile: this one's accumulator has no owner
            context.unregister(stats);
        }
    }

    /** The relation of the cached plan equal to {@code plan}, if any. */
    public synchronized Optional<InMemoryRelation> lookupCachedData(LogicalPlan plan) {
        return find(PlanFingerprint.of(plan)).map(Entry::relation);
    }

    /** The storage level {@code plan} is cached at, or NONE. */
    public StorageLevel storageLevel(LogicalPlan plan) {
        return lookupCachedData(plan).map(InMemoryRelation::storageLevel).orElse(StorageLevel.NONE);
    }

    /** {@code plan} with each fragment that is cached replaced by a scan of the cache. */
    public LogicalPlan useCachedData(LogicalPlan plan) {
        synchronized (this) {
            if (entries.isEmpty()) {
                return plan;
            }
        }
        return plan.transformDown(node -> {
            if (node instanceof InMemoryRelation) {
                return node;
            }
            return lookupCachedData(node).<LogicalPlan>map(r -> r.withOutput(node.output())).orElse(node);
        });
    }

    /**
     * Removes the cache of {@code plan} and drops its blocks on every executor; returns false
     * when it was not cached. Caches built over it keep their own data (and rebuild from the
     * source if evicted).
     */
    public boolean uncacheQuery(LogicalPlan plan) {
        LogicalPlan canonical = PlanFingerprint.of(plan);
        Entry removed;
        synchronized (this) {
            Optional<Entry> e = find(canonical);
            if (e.isEmpty()) {
                return false;
            }
            removed = e.get();
            entries.remove(removed);
            version++;
        }
        remove(removed);
        return true;
    }

    /** Removes every cached query ({@code spark.catalog.clearCache()}). */
    public void clearCache() {
        List<Entry> all;
        synchronized (this) {
            all = new ArrayList<>(entries);
            entries.clear();
            version++;
        }
        all.forEach(this::remove);
    }

    /**
     * Changes whenever a query is cached or uncached: a query execution that kept its
     * optimized plan plans again when the version it planned under is not current, so a
     * Dataset run before {@code cache()} reads the cache afterwards.
     */
    public synchronized long version() {
        return version;
    }

    /** The analyzed plans cached now, in caching order (a snapshot). */
    public synchronized List<LogicalPlan> cachedPlans() {
        return entries.stream().map(Entry::plan).toList();
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Drops a removed entry's blocks and unregisters its partition-statistics accumulator. */
    private void remove(Entry e) {
        e.relation().builder().clear();
        context.unregister(e.relation().builder().partitionStats());
    }

    private Optional<Entry> find(LogicalPlan canonical) {
        for (Entry e : entries) {
            if (e.canonical().equals(canonical)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
