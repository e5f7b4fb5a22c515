package io.ember.shuffle;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.ember.core.Tuple2;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A file of key-value pairs written in order by a spilling buffer and read back once. */
final class SpillRun {
    private final File file;

    private SpillRun(File file) {
        this.file = file;
    }

    static SpillRun write(ShuffleEnv env, Iterator<Tuple2<Object, Object>> pairs) {
        File f = env.dirs().file(env.dirs().newSpillBlock());
        Kryo kryo = env.serializer().borrow();
        try (Output out = new Output(new FileOutputStream(f), env.fileBufferSize())) {
            while (pairs.hasNext()) {
                Tuple2<Object, Object> t = pairs.next();
                kryo.writeClassAndObject(out, t._1());
                kryo.writeClassAndObject(out, t._2());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write spill file " + f, e);
        } finally {
            env.serializer().release(kryo);
        }
        return new SpillRun(f);
    }

    long bytes() {
        return file.length();
    }

    /** Reads the pairs back; the file is deleted once they are all read. */
    Iterator<Tuple2<Object, Object>> read(ShuffleEnv env) {
        Kryo kryo = env.serializer().borrow();
        Input in;
        try {
            in = new Input(new FileInputStream(file), env.fileBufferSize());
        } catch (IOException e) {
            env.serializer().release(kryo);
            throw new UncheckedIOException("Spill file " + file + " is missing", e);
        }
        return new Iterator<>() {
            private boolean open = true;

            @Override
            public boolean hasNext() {
                if (open && in.end()) {
                    open = false;
                    in.close();
                    env.serializer().release(kryo);
                    file.delete();
                }
                return open;
            }

            @Override
            public Tuple2<Object, Object> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object k = kryo.readClassAndObject(in);
                Object v = kryo.readClassAndObject(in);
                return new Tuple2<>(k, v);
            }
        };
    }
}
