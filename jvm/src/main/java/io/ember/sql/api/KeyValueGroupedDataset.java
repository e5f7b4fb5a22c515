package io.ember.sql.api;

import io.ember.sql.api.function.MapFunction;
import io.ember.sql.api.function.MapGroupsFunction;

/** {@code ds.groupByKey(f, encoder)}: a typed Dataset grouped by a key its function computes. */
public final class KeyValueGroupedDataset<K, T> {
    private final Dataset<T> ds;
    private final MapFunction<T, K> key;
    private final Encoder<K> keyEncoder;

    KeyValueGroupedDataset(Dataset<T> ds, MapFunction<T, K> key, Encoder<K> keyEncoder) {
        this.ds = ds;
        this.key = key;
        this.keyEncoder = keyEncoder;
    }

    /** One result per group: {@code f(key, values)}. */
    public <U> Dataset<U> mapGroups(MapGroupsFunction<K, T, U> f, Encoder<U> encoder) {
        return ds.typed(TypedOps.mapGroups(ds.encoder(), key, keyEncoder, f, encoder), encoder);
    }
}
