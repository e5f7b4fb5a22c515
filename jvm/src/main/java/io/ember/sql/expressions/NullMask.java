package io.ember.sql.expressions;

/** A null mask a kernel fills while it runs, allocated on the first null. One per evaluation. */
public final class NullMask {
    private boolean[] mask;
    private final int size;

    public NullMask(boolean[] initial, int size) {
        this.mask = initial;
        this.size = size;
    }

    public void set(int i) {
        if (mask == null) {
            mask = new boolean[size];
        }
        mask[i] = true;
    }

    public boolean get(int i) {
        return mask != null && mask[i];
    }

    /** The mask, or null when no row is null. */
    public boolean[] mask() {
        return mask;
    }
}
