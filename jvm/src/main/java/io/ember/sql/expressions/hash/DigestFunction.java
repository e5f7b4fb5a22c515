package io.ember.sql.expressions.hash;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * {@code md5}, {@code sha1}, {@code sha2(e, bits)} (hex strings; an unsupported bit length
 * gives null) and {@code crc32} (bigint) of binary input; strings are hashed as their UTF-8 bytes.
 */
public final class DigestFunction extends RowFunction {
    private static final long serialVersionUID = 1L;

    /** Which digest. */
    public enum Kind { MD5, SHA1, SHA, SHA2, CRC32 }

    private final Kind kind;

    public DigestFunction(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<InputType> inputTypes() {
        return kind == Kind.SHA2 ? List.of(InputType.BINARY, InputType.INT) : List.of(InputType.BINARY);
    }

    @Override
    public DataType dataType() {
        return kind == Kind.CRC32 ? DataTypes.LongType : DataTypes.StringType;
    }

    @Override
    protected Object compute(Object[] v) {
        byte[] b = v[0] instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) v[0];
        return switch (kind) {
            case MD5 -> digest("MD5", b);
            case SHA1, SHA -> digest("SHA-1", b);
            case SHA2 -> switch ((Integer) v[1]) {
                case 0, 256 -> digest("SHA-256", b);
                case 224 -> digest("SHA-224", b);
                case 384 -> digest("SHA-384", b);
                case 512 -> digest("SHA-512", b);
                default -> null;
            };
            case CRC32 -> {
                CRC32 c = new CRC32();
                c.update(b);
                yield c.getValue();
            }
        };
    }

    private static String digest(String algorithm, byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new DigestFunction(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
