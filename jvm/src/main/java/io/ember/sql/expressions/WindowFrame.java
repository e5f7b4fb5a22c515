package io.ember.sql.expressions;

import java.io.Serializable;

/**
 * The rows of a window partition an aggregate sees for each row: ROWS counts rows from the
 * current one, RANGE compares order-key values (its bounds here: unbounded or the current
 * row's peers). {@link #UNBOUNDED_PRECEDING} / {@link #UNBOUNDED_FOLLOWING} / {@link #CURRENT_ROW}
 * are the special bounds; other values are offsets (negative: preceding).
 */
public record WindowFrame(boolean rows, long lower, long upper) implements Serializable {
    public static final long UNBOUNDED_PRECEDING = Long.MIN_VALUE;
    public static final long UNBOUNDED_FOLLOWING = Long.MAX_VALUE;
    public static final long CURRENT_ROW = 0;

    /** The whole partition: the default without an ordering. */
    public static final WindowFrame WHOLE = new WindowFrame(true, UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING);
    /** Start of the partition to the current row and its peers: the default with an ordering. */
    public static final WindowFrame RUNNING = new WindowFrame(false, UNBOUNDED_PRECEDING, CURRENT_ROW);

    public String sql() {
        return (rows ? "ROWS" : "RANGE") + " BETWEEN " + bound(lower) + " AND " + bound(upper);
    }

    private static String bound(long b) {
        if (b == UNBOUNDED_PRECEDING) {
            return "UNBOUNDED PRECEDING";
        }
        if (b == UNBOUNDED_FOLLOWING) {
            return "UNBOUNDED FOLLOWING";
        }
        if (b == CURRENT_ROW) {
            return "CURRENT ROW";
        }
        return b < 0 ? -b + " PRECEDING" : b + " FOLLOWING";
    }
}
