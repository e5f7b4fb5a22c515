package io.ember.rdd;

import io.ember.core.HashPartitioner;
import io.ember.core.Tuple2;
import io.ember.core.function.Function;
import io.ember.core.function.SerializableComparator;
import java.util.Random;

/** Element-level wide transformations built on pair shuffles. */
final class Shuffles {
    private Shuffles() {}

    static <T> RDD<T> distinct(RDD<T> rdd, int numPartitions) {
        RDD<Tuple2<T, Boolean>> pairs = rdd.map(x -> new Tuple2<>(x, Boolean.TRUE));
        return new PairRDDFunctions<>(pairs).reduceByKey((a, b) -> a, numPartitions).map(Tuple2::_1);
    }

    static <T> RDD<T> repartition(RDD<T> rdd, int numPartitions) {
        RDD<Tuple2<Integer, T>> keyed = rdd.mapPartitionsWithIndex((index, it) -> {
            int[] next = {new Random(index).nextInt(numPartitions)};
            return Iterators.map(it, x -> new Tuple2<>(next[0]++ % numPartitions, x));
        }, false);
        return new ShuffledRDD<Integer, T, T>(keyed, new HashPartitioner(numPartitions)).map(Tuple2::_2);
    }

    static <T, K> RDD<T> sortBy(RDD<T> rdd, Function<T, K> keyFunc, boolean ascending, int numPartitions) {
        RDD<Tuple2<K, T>> keyed = rdd.keyBy(keyFunc);
        return new PairRDDFunctions<>(keyed).sortByKey(SerializableComparator.natural(), ascending, numPartitions)
                .map(Tuple2::_2);
    }

    static <T> RDD<T> intersection(RDD<T> a, RDD<T> b) {
        int n = Math.max(a.getNumPartitions(), b.getNumPartitions());
        return new PairRDDFunctions<>(a.map(x -> new Tuple2<>(x, Boolean.TRUE)))
                .cogroup(b.map(x -> new Tuple2<>(x, Boolean.TRUE)), new HashPartitioner(n))
                .filter(t -> !t._2()._1().isEmpty() && !t._2()._2().isEmpty())
                .map(Tuple2::_1);
    }

    static <T> RDD<T> subtract(RDD<T> a, RDD<T> b, int numPartitions) {
        RDD<Tuple2<T, Boolean>> left = a.map(x -> new Tuple2<>(x, Boolean.TRUE));
        return new PairRDDFunctions<>(left)
                .subtractByKey(b.map(x -> new Tuple2<>(x, Boolean.TRUE)), new HashPartitioner(numPartitions))
                .map(Tuple2::_1);
    }

}
