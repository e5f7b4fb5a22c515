package io.ember.serializer;

import io.ember.core.EmberException;
import io.ember.util.SerializationDebugger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

/**
 * Java serialization for task closures and RDD lineage. A value that cannot be serialized is
 * reported with the path of fields that leads to it.
 */
public final class ClosureSerializer {
    private ClosureSerializer() {}

    public static byte[] serialize(Object closure, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(closure);
        } catch (NotSerializableException e) {
            List<String> path = SerializationDebugger.findPath(closure);
            String detail = path.isEmpty() ? e.getMessage() + " is not Serializable" : String.join("\n    -> ", path);
            throw new EmberException("Cannot serialize " + what + ": " + detail, e);
        } catch (IOException e) {
            throw new EmberException("Cannot serialize " + what + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    public static <T> T deserialize(byte[] bytes, ClassLoader loader) {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return (T) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new EmberException("Cannot deserialize task: " + e, e);
        }
    }
}
