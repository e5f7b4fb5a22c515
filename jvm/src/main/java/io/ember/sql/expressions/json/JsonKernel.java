package io.ember.sql.expressions.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.misc.KernelSignature;
import io.ember.sql.expressions.misc.ScalarKernel;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON text functions: {@code get_json_object(json, path)} (paths {@code $}, {@code .field},
 * {@code ['field']}, {@code [index]}; a string result unquoted, others as compact JSON),
 * {@code json_array_length} and {@code json_object_keys} (null when the text is not an array or
 * object). Malformed JSON gives null, as Spark.
 */
public enum JsonKernel implements ScalarKernel {
    GET_JSON_OBJECT("get_json_object", 2, DataTypes.StringType),
    JSON_ARRAY_LENGTH("json_array_length", 1, DataTypes.IntegerType),
    JSON_OBJECT_KEYS("json_object_keys", 1, DataTypes.createArrayType(DataTypes.StringType));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KernelSignature signature;

    JsonKernel(String name, int arity, DataType result) {
        this.signature = new KernelSignature(name, arity, result);
    }

    @Override
    public KernelSignature signature() {
        return signature;
    }

    @Override
    public InputType inputType(int i, List<DataType> argTypes) {
        return InputType.STRING;
    }

    @Override
    public Object apply(Object[] a, List<DataType> argTypes) {
        JsonNode root;
        try {
            root = JSON.readTree((String) a[0]);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (root == null || root.isMissingNode()) return null;
        switch (this) {
            case JSON_ARRAY_LENGTH:
                return root.isArray() ? root.size() : null;
            case JSON_OBJECT_KEYS: {
                if (!root.isObject()) return null;
                List<Object> keys = new ArrayList<>();
                for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) keys.add(it.next());
                return keys;
            }
            default: {
                JsonNode n = JsonPath.select(root, (String) a[1]);
                if (n == null || n.isNull() || n.isMissingNode()) return null;
                return n.isTextual() ? n.asText() : n.toString();
            }
        }
    }
}
