package io.ember.rpc;

import io.ember.serializer.ClosureSerializer;
import io.ember.serializer.LoaderObjectInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;

/**
 * Java serialization of message bodies for one {@link RpcEnv}. Classes resolve through the env's
 * loader, and an {@link RpcRef} inside a message comes out bound to the env that read it.
 * Only ever called on authenticated connections.
 */
final class MessageCodec {
    private static final ThreadLocal<RpcEnv> READING_ENV = new ThreadLocal<>();

    private final RpcEnv env;
    private final ClassLoader loader;

    MessageCodec(RpcEnv env, ClassLoader loader) {
        this.env = env;
        this.loader = loader;
    }

    byte[] serialize(Object message) {
        return ClosureSerializer.serialize(message, "RPC message " + (message == null ? "null" : message.getClass().getName()));
    }

    Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        RpcEnv previous = READING_ENV.get();
        READING_ENV.set(env);
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return in.readObject();
        } finally {
            READING_ENV.set(previous);
        }
    }

    /** The env deserializing on this thread, for {@link RpcRef}'s readResolve; null elsewhere. */
    static RpcEnv readingEnv() {
        return READING_ENV.get();
    }
}
