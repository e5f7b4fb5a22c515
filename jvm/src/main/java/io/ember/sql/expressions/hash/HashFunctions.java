package io.ember.sql.expressions.hash;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.FunctionRegistry;
import java.util.Locale;

/** Registers {@code hash}, {@code md5}, {@code sha1}/{@code sha}, {@code sha2} and {@code crc32}. */
public final class HashFunctions {
    private HashFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("hash", Builders.varargs("hash", 1, Integer.MAX_VALUE, Murmur3Hash::new));
        for (DigestFunction.Kind k : DigestFunction.Kind.values()) {
            String name = k.name().toLowerCase(Locale.ROOT);
            int n = k == DigestFunction.Kind.SHA2 ? 2 : 1;
            r.register(name, Builders.varargs(name, n, n, a -> new DigestFunction(k, a)));
        }
        r.register("xxhash64", Builders.varargs("xxhash64", 1, Integer.MAX_VALUE, XxHash64Function::new));
    }
}
