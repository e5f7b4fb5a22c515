package io.ember.sql.expressions.hash;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.misc.KernelSignature;
import io.ember.sql.expressions.misc.ScalarKernel;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code aes_encrypt(input, key, mode, padding, iv, aad)}, {@code aes_decrypt} /
 * {@code try_aes_decrypt(input, key, mode, padding, aad)} in Spark's layouts (GCM: 12-byte IV,
 * ciphertext and 128-bit tag; CBC: 16-byte IV then PKCS5-padded ciphertext; ECB: the padded
 * ciphertext; a random IV unless given), and {@code hmac(key, message, algorithm)}.
 */
public enum CryptoKernel implements ScalarKernel {
    AES_ENCRYPT("aes_encrypt", 2, 6), AES_DECRYPT("aes_decrypt", 2, 5), TRY_AES_DECRYPT("try_aes_decrypt", 2, 5),
    HMAC("hmac", 2, 3);

    private final KernelSignature signature;

    CryptoKernel(String name, int min, int max) {
        this.signature = new KernelSignature(name, min, max, DataTypes.BinaryType);
    }

    @Override
    public KernelSignature signature() {
        return signature;
    }

    @Override
    public InputType inputType(int i, List<DataType> argTypes) {
        if (this == HMAC) return i < 2 ? InputType.BINARY : InputType.STRING;
        return i == 2 || i == 3 ? InputType.STRING : InputType.BINARY;
    }

    @Override
    public Expression defaultArg(int i) {
        if (this == HMAC) return new Literal("SHA-256", DataTypes.StringType);
        return new Literal(i == 2 ? "GCM" : i == 3 ? "DEFAULT" : "", DataTypes.StringType);
    }

    @Override
    public Object apply(Object[] a, List<DataType> argTypes) {
        byte[] input = (byte[]) a[0];
        byte[] key = (byte[]) a[1];
        if (this == HMAC) return hmac((byte[]) a[0], (byte[]) a[1], (String) a[2]);
        try {
            return this == AES_ENCRYPT
                    ? encrypt(input, key, (String) a[2], (String) a[3], (byte[]) a[4], (byte[]) a[5])
                    : decrypt(input, key, (String) a[2], (String) a[3], (byte[]) a[4]);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (this == TRY_AES_DECRYPT) return null;
            if (e instanceof ExpressionEvalException x) throw x;
            throw new ExpressionEvalException("INVALID_PARAMETER_VALUE.AES_CRYPTO_ERROR", "The value of parameter(s) `expr`, `key` in `"
                    + sqlName() + "` is invalid: detail message: " + e.getMessage(), Map.of("functionName", "`" + sqlName() + "`"));
        }
    }

    private static String transformation(String mode, String padding) {
        String m = mode.toUpperCase(Locale.ROOT);
        String p = padding.toUpperCase(Locale.ROOT);
        return switch (m) {
            case "GCM" -> { if (!p.equals("DEFAULT") && !p.equals("NONE")) throw unsupported(m, p); yield "AES/GCM/NoPadding"; }
            case "CBC", "ECB" -> { if (!p.equals("DEFAULT") && !p.equals("PKCS")) throw unsupported(m, p); yield "AES/" + m + "/PKCS5Padding"; }
            default -> throw unsupported(m, p);
        };
    }

    private static ExpressionEvalException unsupported(String mode, String padding) {
        return new ExpressionEvalException("UNSUPPORTED_FEATURE.AES_MODE", "The feature is not supported: AES-" + mode
                + " with the padding " + padding + " by the `aes_encrypt`/`aes_decrypt` function.", Map.of("mode", mode, "padding", padding));
    }

    private static SecretKeySpec key(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new ExpressionEvalException("INVALID_PARAMETER_VALUE.AES_KEY_LENGTH", "The value of parameter(s) `key` is invalid: "
                    + "expects a binary value with 16, 24 or 32 bytes, but got " + key.length + " bytes.", Map.of("actualLength", String.valueOf(key.length)));
        }
        return new SecretKeySpec(key, "AES");
    }

    static byte[] encrypt(byte[] in, byte[] key, String mode, String padding, byte[] iv, byte[] aad) throws GeneralSecurityException {
        String t = transformation(mode, padding);
        Cipher c = Cipher.getInstance(t);
        if (t.contains("ECB")) {
            c.init(Cipher.ENCRYPT_MODE, key(key));
            return c.doFinal(in);
        }
        boolean gcm = t.contains("GCM");
        byte[] v = iv.length > 0 ? iv : new byte[gcm ? 12 : 16];
        if (iv.length == 0) new SecureRandom().nextBytes(v);
        if (gcm) {
            c.init(Cipher.ENCRYPT_MODE, key(key), new GCMParameterSpec(128, v));
            if (aad.length > 0) c.updateAAD(aad);
        } else {
            c.init(Cipher.ENCRYPT_MODE, key(key), new IvParameterSpec(v));
        }
        byte[] body = c.doFinal(in);
        return ByteBuffer.allocate(v.length + body.length).put(v).put(body).array();
    }

    static byte[] decrypt(byte[] in, byte[] key, String mode, String padding, byte[] aad) throws GeneralSecurityException {
        String t = transformation(mode, padding);
        Cipher c = Cipher.getInstance(t);
        if (t.contains("ECB")) {
            c.init(Cipher.DECRYPT_MODE, key(key));
            return c.doFinal(in);
        }
        boolean gcm = t.contains("GCM");
        int ivLen = gcm ? 12 : 16;
        if (gcm) {
            c.init(Cipher.DECRYPT_MODE, key(key), new GCMParameterSpec(128, in, 0, ivLen));
            if (aad.length > 0) c.updateAAD(aad);
        } else {
            c.init(Cipher.DECRYPT_MODE, key(key), new IvParameterSpec(in, 0, ivLen));
        }
        return c.doFinal(in, ivLen, in.length - ivLen);
    }

    static byte[] hmac(byte[] key, byte[] message, String algorithm) {
        String alg = "Hmac" + algorithm.toUpperCase(Locale.ROOT).replace("-", "");
        try {
            Mac mac = Mac.getInstance(alg);
            mac.init(new SecretKeySpec(key, alg));
            return mac.doFinal(message);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ExpressionEvalException("INVALID_PARAMETER_VALUE.HMAC_CRYPTO_ERROR", "The value of parameter(s) `key` in `hmac` "
                    + "is invalid: detail message: " + e.getMessage(), Map.of("parameter", "`key`", "functionName", "`hmac`"));
        }
    }
}
