package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * A file of encoded batches (length-prefixed {@link BatchCodec} frames) written by a spilling
 * operator and read back in order: once ({@link #read()}, deleted when reading ends) or
 * repeatedly ({@link #readAgain()}, deleted on {@link #delete()}). Owned by one task thread.
 */
final class SpillFile {
    private final File file;
    private final TaskMemory memory;
    private boolean counted;
    private final List<DataType> types;
    private DataOutputStream out;
    private long bytes;
    private long rows;

    SpillFile(TaskMemory memory, List<DataType> types) {
        this.file = memory.newSpillFile();
        this.memory = memory;
        this.types = List.copyOf(types);
        try {
            this.out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create spill file " + file, e);
        }
    }

    void write(ColumnBatch b) {
        byte[] enc = BatchCodec.encode(b);
        try {
            out.writeInt(enc.length);
            out.write(enc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spill file " + file, e);
        }
        bytes += enc.length + 4;
        rows += b.numRows();
    }

    long bytes() {
        return bytes;
    }

    long rows() {
        return rows;
    }

    void finishWriting() {
        if (!counted) {
            counted = true;
            memory.addSpilledBytes(bytes);
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spill file " + file, e);
        }
    }

    /** The batches in the order written; the file goes away when they run out. */
    Iterator<ColumnBatch> read() {
        return read(true);
    }

    /** The batches in the order written, keeping the file for further reads (the owner deletes it). */
    Iterator<ColumnBatch> readAgain() {
        return read(false);
    }

    private Iterator<ColumnBatch> read(boolean deleteAtEnd) {
        finishWriting();
        final DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(new FileInputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open spill file " + file, e);
        }
        return new BatchIterator() {
            @Override
            protected ColumnBatch advance() {
                try {
                    int len;
                    try {
                        len = in.readInt();
                    } catch (EOFException end) {
                        in.close();
                        if (deleteAtEnd) {
                            delete();
                        }
                        return null;
                    }
                    byte[] enc = new byte[len];
                    in.readFully(enc);
                    return BatchCodec.decode(enc, types);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read spill file " + file, e);
                }
            }
        };
    }

    void delete() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is deleted next; nothing written matters any more
        }
        file.delete();
    }
}
