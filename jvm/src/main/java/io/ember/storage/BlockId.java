package io.ember.storage;

import java.io.Serializable;

/** Typed identifiers of stored blocks; {@link #name()} is the file name on disk. */
public sealed interface BlockId extends Serializable {
    String name();

    /** A cached RDD partition. */
    record RddBlock(int rddId, int partition) implements BlockId {
        public String name() {
            return "rdd_" + rddId + "_" + partition;
        }
    }

    /** The data file of one shuffle map output. */
    record ShuffleData(int shuffleId, int mapId) implements BlockId {
        public String name() {
            return "shuffle_" + shuffleId + "_" + mapId + ".data";
        }
    }

    /** The index (partition offsets) of one shuffle map output. */
    record ShuffleIndex(int shuffleId, int mapId) implements BlockId {
        public String name() {
            return "shuffle_" + shuffleId + "_" + mapId + ".index";
        }
    }

    /** A broadcast variable's value. */
    record Broadcast(long broadcastId) implements BlockId {
        public String name() {
            return "broadcast_" + broadcastId;
        }
    }

    /** A spill file of a shuffle buffer or sorter. */
    record TempSpill(String uuid) implements BlockId {
        public String name() {
            return "temp_spill_" + uuid;
        }
    }
}
