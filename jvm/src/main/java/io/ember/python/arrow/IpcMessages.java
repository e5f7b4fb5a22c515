package io.ember.python.arrow;

import com.google.flatbuffers.FlatBufferBuilder;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MetadataVersion;

/**
 * Arrow's encapsulated IPC message framing: the continuation marker {@code 0xFFFFFFFF}, the
 * int32 length of the metadata (a {@code Message} flatbuffer padded so the body starts on an
 * 8-byte boundary), the metadata, then the body. A stream is a schema message, record batch
 * messages, and {@link #END_OF_STREAM}.
 *
 * <p>Stateless; thread-safe.
 */
final class IpcMessages {
    /** Marks the start of every message (little-endian {@code 0xFFFFFFFF}). */
    static final int CONTINUATION = 0xFFFFFFFF;
    /** Continuation then a zero length: the end of a stream. */
    static final byte[] END_OF_STREAM = {-1, -1, -1, -1, 0, 0, 0, 0};

    private IpcMessages() {}

    /** The framed metadata of a message whose header table {@code header} is in {@code b}. */
    static byte[] encapsulate(FlatBufferBuilder b, byte headerType, int header, long bodyLength) {
        int message = Message.createMessage(b, MetadataVersion.V5, headerType, header, bodyLength, 0);
        b.finish(message);
        byte[] meta = b.sizedByteArray();
        int padded = (meta.length + 7) & ~7;
        LeBuffer out = new LeBuffer(8 + padded);
        out.putInt(CONTINUATION);
        out.putInt(padded);
        out.putBytes(meta, 0, meta.length);
        out.pad8();
        return out.toByteArray();
    }
}
