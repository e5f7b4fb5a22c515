package io.ember.serializer;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import io.ember.core.Tuple2;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.NoSuchElementException;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Kryo serialization for data: shuffle files, spills, cached blocks and object files.
 * Each top-level object is written self-contained, so byte ranges of the same stream can be
 * concatenated. Thread-safe: Kryo instances come from a pool.
 */
public final class KryoSerializer {
    private static final int BUFFER = 64 * 1024;

    private final Pool<Kryo> pool = new Pool<>(true, false, 64) {
        @Override
        protected Kryo create() {
            return newKryo();
        }
    };

    private static Kryo newKryo() {
        Kryo k = new Kryo();
        k.setRegistrationRequired(false);
        k.setReferences(false);
        k.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        k.setClassLoader(Thread.currentThread().getContextClassLoader());
        k.register(Tuple2.class, new Tuple2Serializer(), 100);
        k.register(Object[].class, 101);
        k.register(byte[].class, 102);
        k.register(ArrayList.class, 103);
        k.register(HashMap.class, 104);
        k.register(HashSet.class, 105);
        k.register(LinkedList.class, 106);
        k.register(int[].class, 107);
        k.register(long[].class, 108);
        k.register(double[].class, 109);
        k.register(String[].class, 110);
        return k;
    }

    /** Writes (a, b) as two class-tagged objects; far smaller than a generic record. */
    private static final class Tuple2Serializer extends Serializer<Tuple2<?, ?>> {
        @Override
        public void write(Kryo kryo, Output out, Tuple2<?, ?> t) {
            kryo.writeClassAndObject(out, t._1());
            kryo.writeClassAndObject(out, t._2());
        }

        @Override
        public Tuple2<?, ?> read(Kryo kryo, Input in, Class<? extends Tuple2<?, ?>> type) {
            Object a = kryo.readClassAndObject(in);
            Object b = kryo.readClassAndObject(in);
            return new Tuple2<>(a, b);
        }
    }

    /** Borrows a Kryo instance for low-level use; give it back with {@link #release}. */
    public Kryo borrow() {
        return pool.obtain();
    }

    public void release(Kryo kryo) {
        pool.free(kryo);
    }

    public ObjectWriter writer(OutputStream out) {
        Kryo kryo = pool.obtain();
        Output output = new Output(out, BUFFER);
        return new ObjectWriter() {
            @Override
            public void write(Object o) {
                kryo.writeClassAndObject(output, o);
            }

            @Override
            public void flush() {
                output.flush();
            }

            @Override
            public void close() {
                try {
                    output.close();
                } finally {
                    pool.free(kryo);
                }
            }
        };
    }

    public <T> ObjectReader<T> reader(InputStream in) {
        Kryo kryo = pool.obtain();
        Input input = new Input(in, BUFFER);
        return new ObjectReader<T>() {
            private boolean closed;

            @Override
            public boolean hasNext() {
                if (closed) {
                    return false;
                }
                if (input.end()) {
                    close();
                    return false;
                }
                return true;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return (T) kryo.readClassAndObject(input);
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    try {
                        input.close();
                    } finally {
                        pool.free(kryo);
                    }
                }
            }
        };
    }

    public byte[] toBytes(Object o) {
        Kryo kryo = pool.obtain();
        try (Output output = new Output(256, -1)) {
            kryo.writeClassAndObject(output, o);
            return output.toBytes();
        } finally {
            pool.free(kryo);
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T fromBytes(byte[] bytes) {
        Kryo kryo = pool.obtain();
        try (Input input = new Input(bytes)) {
            return (T) kryo.readClassAndObject(input);
        } catch (com.esotericsoftware.kryo.KryoException e) {
            if (e.getCause() instanceof java.io.IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        } finally {
            pool.free(kryo);
        }
    }
}
