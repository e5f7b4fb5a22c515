package io.ember.storage;

import java.io.Serializable;

/** Typed identifiers of stored blocks; {@link #name()} is the file name on disk. */
public sealed interface BlockId extends Serializable {
    String name();

    /** A cached RDD partition. */
    record RddBlock(int rddId, int partition) implements BlockId {
        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("rdd_(\\d+)_(\\d+)");

        public String name() {
            return "rdd_" + rddId + "_" + partition;
        }

        /** The block named {@code rdd_R_P}, or empty for any other name. */
        public static java.util.Optional<RddBlock> parse(String name) {
            java.util.regex.Matcher m = NAME.matcher(name);
            return m.matches() ? java.util.Optional.of(new RddBlock(Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)))) : java.util.Optional.empty();
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

    /**
     * One reduce partition's segment of a map output, as served to other executors; it is a
     * region of the map's data file, not a file of its own.
     */
    record ShuffleBlock(int shuffleId, int mapId, int reduceId) implements BlockId {
        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("shuffle_(\\d+)_(\\d+)_(\\d+)");

        public String name() {
            return "shuffle_" + shuffleId + "_" + mapId + "_" + reduceId;
        }

        /** The block named {@code name}, or empty when it is not a shuffle block name. */
        public static java.util.Optional<ShuffleBlock> parse(String name) {
            java.util.regex.Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(new ShuffleBlock(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }
    }

    /** A broadcast variable's value. */
    record Broadcast(long broadcastId) implements BlockId {
        public String name() {
            return "broadcast_" + broadcastId;
        }
    }

    /** A broadcast shipped as a file (a Python broadcast's pickled value), served and cached under this name. */
    record BroadcastFile(long broadcastId) implements BlockId {
        public String name() {
            return "broadcast_" + broadcastId + "_file";
        }
    }

    /** A spill file of a shuffle buffer or sorter. */
    record TempSpill(String uuid) implements BlockId {
        public String name() {
            return "temp_spill_" + uuid;
        }
    }
}
