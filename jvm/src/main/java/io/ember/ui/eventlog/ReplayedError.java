package io.ember.ui.eventlog;

/** An error read back from an event log: only its text survives, and {@link #toString} gives it as logged. */
final class ReplayedError extends RuntimeException {
    private final String text;

    ReplayedError(String text) {
        super(text, null, false, false);
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
