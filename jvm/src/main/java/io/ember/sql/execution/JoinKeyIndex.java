package io.ember.sql.execution;

import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;

/**
 * The key lookup of a {@link HashedRelation}: maps a probe row's join key straight to the
 * first build row holding that key (the relation chains the others). Built once, then
 * immutable: probed concurrently by the tasks sharing a broadcast relation.
 */
interface JoinKeyIndex extends Serializable {
    /**
     * Fills {@code first[0..n-1]} with, per probe row, the first build row whose key equals the
     * row's key; -1 when no build row does or the probe key has a null.
     */
    void firstRows(ColumnVector[] keys, int n, int[] first);

    /** Bytes held, estimated. */
    long sizeInBytes();
}
