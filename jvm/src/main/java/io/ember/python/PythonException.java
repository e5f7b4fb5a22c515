package io.ember.python;

import io.ember.core.EmberException;

/**
 * A Python task raised: carries the exception's type name, message, the worker's formatted
 * traceback and the partition, so the Python driver can rebuild an exception of the same type.
 */
public class PythonException extends EmberException {
    private static final long serialVersionUID = 1L;

    private final String typeName;
    private final String pythonMessage;
    private final String traceback;
    private final int partition;
    private final byte[] pickled;

    public PythonException(PythonWorkerProtocol.WorkerException e) {
        super(e.typeName() + ": " + e.message() + "\n" + e.traceback());
        this.typeName = e.typeName();
        this.pythonMessage = e.message();
        this.traceback = e.traceback();
        this.partition = e.partitionId();
        this.pickled = e.pickled();
    }

    /** e.g. "ValueError" or "mymodule.MyError". */
    public String typeName() {
        return typeName;
    }

    public String pythonMessage() {
        return pythonMessage;
    }

    public String traceback() {
        return traceback;
    }

    public int partition() {
        return partition;
    }

    /** The pickled exception, or null when the worker could not pickle it. */
    public byte[] pickled() {
        return pickled;
    }
}
