package io.ember.shuffle;

import io.ember.core.EmberException;

/** A reduce task could not read a map output; the scheduler recomputes the lost map outputs. */
public class FetchFailedException extends EmberException {
    private final int shuffleId;
    private final int mapId;
    private final int reduceId;
    private final java.util.List<Integer> lostMaps;

    public FetchFailedException(int shuffleId, int mapId, int reduceId, String message, Throwable cause) {
        this(shuffleId, mapId, java.util.List.of(mapId), reduceId, message, cause);
    }

    /** A failure at {@code mapId} where the reader found all of {@code lostMaps} unreadable. */
    public FetchFailedException(int shuffleId, int mapId, java.util.List<Integer> lostMaps, int reduceId,
                                String message, Throwable cause) {
        super("Failed to fetch output of map " + mapId + " of shuffle " + shuffleId + " for reduce partition "
                + reduceId + ": " + message, cause);
        this.shuffleId = shuffleId;
        this.mapId = mapId;
        this.reduceId = reduceId;
        this.lostMaps = java.util.List.copyOf(lostMaps);
    }

    /** Every map output the reader found missing, so only those are recomputed. */
    public java.util.List<Integer> lostMaps() {
        return lostMaps;
    }

    public int shuffleId() {
        return shuffleId;
    }

    /** The lost map, or -1 when the whole shuffle's outputs are unknown. */
    public int mapId() {
        return mapId;
    }

    public int reduceId() {
        return reduceId;
    }
}
