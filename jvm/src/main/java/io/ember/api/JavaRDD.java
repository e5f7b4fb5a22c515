package io.ember.api;

import io.ember.rdd.RDD;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Java API's RDD of any element type: a thin typed wrapper over an engine {@link RDD} whose
 * methods take the serializable functional interfaces of {@code io.ember.core.function}, so
 * plain Java lambdas work. Transformations and actions are inherited from {@link JavaRDDLike}
 * and {@link JavaRDDActions}; {@link #rdd()} returns the engine RDD.
 *
 * <pre>{@code
 * JavaRDD<String> lines = ec.textFile("in.txt");
 * JavaPairRDD<String, Integer> counts = lines.flatMap(l -> Arrays.asList(l.split("\\s+")).iterator())
 *         .mapToPair(w -> new Tuple2<>(w, 1))
 *         .reduceByKey(Integer::sum);
 * }</pre>
 */
public final class JavaRDD<T> extends JavaRDDLike<T, JavaRDD<T>> {

    /** Wraps an engine RDD. */
    public JavaRDD(RDD<T> rdd) {
        super(rdd);
    }

    /** Wraps an engine RDD (Spark's spelling). */
    public static <T> JavaRDD<T> fromRDD(RDD<T> rdd) {
        return new JavaRDD<>(rdd);
    }

    @Override
    protected JavaRDD<T> wrap(RDD<T> rdd) {
        return rdd == rdd() ? this : new JavaRDD<>(rdd);
    }

    /** Splits this RDD randomly by the given weights (normalized to sum 1), with a random seed. */
    public JavaRDD<T>[] randomSplit(double[] weights) {
        return randomSplit(weights, ThreadLocalRandom.current().nextLong());
    }

    /** Splits this RDD randomly by the given weights; the splits are disjoint and cover every element. */
    public JavaRDD<T>[] randomSplit(double[] weights, long seed) {
        List<RDD<T>> splits = rdd().randomSplit(weights, seed);
        @SuppressWarnings({"unchecked", "rawtypes"})
        JavaRDD<T>[] out = new JavaRDD[splits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new JavaRDD<>(splits.get(i));
        }
        return out;
    }
}
