package io.ember.sql.api;

import io.ember.api.JavaRDD;
import io.ember.core.Tuple2;
import io.ember.rdd.RDD;
import io.ember.sql.api.function.FilterFunction;
import io.ember.sql.api.function.FlatMapFunction;
import io.ember.sql.api.function.MapFunction;
import io.ember.sql.api.function.MapGroupsFunction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The {@link RowsFunction}s of the typed operations: decode each row with the input's encoder, call the user's function, encode the result. */
final class TypedOps {
    private TypedOps() {}

    static <T, U> RowsFunction map(Encoder<T> in, MapFunction<T, U> f, Encoder<U> out) {
        return new RowsFunction() {
            @Override
            public RDD<Row> apply(RDD<Row> rows) {
                return rows.map(r -> out.toRow(f.call(in.fromRow(r))));
            }

            @Override
            public String describe() {
                return "map";
            }
        };
    }

    static <T> RowsFunction filter(Encoder<T> in, FilterFunction<T> f) {
        return new RowsFunction() {
            @Override
            public RDD<Row> apply(RDD<Row> rows) {
                return rows.filter(r -> f.call(in.fromRow(r)));
            }

            @Override
            public String describe() {
                return "filter";
            }
        };
    }

    static <T, U> RowsFunction flatMap(Encoder<T> in, FlatMapFunction<T, U> f, Encoder<U> out) {
        return new RowsFunction() {
            @Override
            public RDD<Row> apply(RDD<Row> rows) {
                return rows.flatMap(r -> {
                    List<Row> results = new ArrayList<>();
                    Iterator<U> it = f.call(in.fromRow(r));
                    while (it.hasNext()) {
                        results.add(out.toRow(it.next()));
                    }
                    return results.iterator();
                });
            }

            @Override
            public String describe() {
                return "flatMap";
            }
        };
    }

    /** Groups rows by the encoded key (so keys compare by value, beans included), then one result per group. */
    static <K, T, U> RowsFunction mapGroups(Encoder<T> in, MapFunction<T, K> key, Encoder<K> keyEnc,
                                            MapGroupsFunction<K, T, U> f, Encoder<U> out) {
        return new RowsFunction() {
            @Override
            public RDD<Row> apply(RDD<Row> rows) {
                return new JavaRDD<>(rows)
                        .mapToPair(r -> new Tuple2<>(keyEnc.toRow(key.call(in.fromRow(r))), r))
                        .groupByKey()
                        .map(group -> {
                            List<T> values = new ArrayList<>();
                            for (Row r : group._2()) {
                                values.add(in.fromRow(r));
                            }
                            return out.toRow(f.call(keyEnc.fromRow(group._1()), values.iterator()));
                        })
                        .rdd();
            }

            @Override
            public String describe() {
                return "mapGroups";
            }
        };
    }
}
