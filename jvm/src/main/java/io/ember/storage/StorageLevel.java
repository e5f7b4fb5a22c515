package io.ember.storage;

import java.io.Serializable;

/**
 * Where and how a persisted RDD keeps its partitions. Replication above 1 needs several
 * executors; in local mode a block is kept once.
 */
public record StorageLevel(boolean useDisk, boolean useMemory, boolean deserialized, int replication)
        implements Serializable {
    public static final StorageLevel NONE = new StorageLevel(false, false, false, 1);
    public static final StorageLevel DISK_ONLY = new StorageLevel(true, false, false, 1);
    public static final StorageLevel DISK_ONLY_2 = new StorageLevel(true, false, false, 2);
    public static final StorageLevel DISK_ONLY_3 = new StorageLevel(true, false, false, 3);
    public static final StorageLevel MEMORY_ONLY = new StorageLevel(false, true, true, 1);
    public static final StorageLevel MEMORY_ONLY_2 = new StorageLevel(false, true, true, 2);
    public static final StorageLevel MEMORY_ONLY_SER = new StorageLevel(false, true, false, 1);
    public static final StorageLevel MEMORY_ONLY_SER_2 = new StorageLevel(false, true, false, 2);
    public static final StorageLevel MEMORY_AND_DISK = new StorageLevel(true, true, true, 1);
    public static final StorageLevel MEMORY_AND_DISK_2 = new StorageLevel(true, true, true, 2);
    public static final StorageLevel MEMORY_AND_DISK_SER = new StorageLevel(true, true, false, 1);
    public static final StorageLevel MEMORY_AND_DISK_SER_2 = new StorageLevel(true, true, false, 2);

    public boolean isValid() {
        return (useDisk || useMemory) && replication >= 1;
    }

    /** Looks a level up by its constant name, e.g. "MEMORY_AND_DISK". */
    public static StorageLevel fromName(String name) {
        return switch (name) {
            case "NONE" -> NONE;
            case "DISK_ONLY" -> DISK_ONLY;
            case "DISK_ONLY_2" -> DISK_ONLY_2;
            case "DISK_ONLY_3" -> DISK_ONLY_3;
            case "MEMORY_ONLY" -> MEMORY_ONLY;
            case "MEMORY_ONLY_2" -> MEMORY_ONLY_2;
            case "MEMORY_ONLY_SER" -> MEMORY_ONLY_SER;
            case "MEMORY_ONLY_SER_2" -> MEMORY_ONLY_SER_2;
            case "MEMORY_AND_DISK" -> MEMORY_AND_DISK;
            case "MEMORY_AND_DISK_2" -> MEMORY_AND_DISK_2;
            case "MEMORY_AND_DISK_SER" -> MEMORY_AND_DISK_SER;
            case "MEMORY_AND_DISK_SER_2" -> MEMORY_AND_DISK_SER_2;
            default -> throw new IllegalArgumentException("Unknown storage level: " + name);
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(useDisk ? "Disk " : "").append(useMemory ? "Memory " : "");
        sb.append(deserialized ? "Deserialized " : "Serialized ").append(replication).append("x Replicated");
        return sb.toString();
    }
}
