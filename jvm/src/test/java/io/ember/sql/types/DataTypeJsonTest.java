package io.ember.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataTypeJsonTest {
    @Test
    void atomicTypesAreTheirJsonNames() {
        Map<DataType, String> names = Map.ofEntries(
                Map.entry(DataTypes.ByteType, "\"byte\""), Map.entry(DataTypes.ShortType, "\"short\""),
                Map.entry(DataTypes.IntegerType, "\"integer\""), Map.entry(DataTypes.LongType, "\"long\""),
                Map.entry(DataTypes.FloatType, "\"float\""), Map.entry(DataTypes.DoubleType, "\"double\""),
                Map.entry(DataTypes.StringType, "\"string\""), Map.entry(DataTypes.BinaryType, "\"binary\""),
                Map.entry(DataTypes.BooleanType, "\"boolean\""), Map.entry(DataTypes.DateType, "\"date\""),
                Map.entry(DataTypes.TimestampType, "\"timestamp\""),
                Map.entry(DataTypes.TimestampNTZType, "\"timestamp_ntz\""),
                Map.entry(DataTypes.NullType, "\"void\""), Map.entry(new DecimalType(10, 2), "\"decimal(10,2)\""));
        names.forEach((type, json) -> {
            assertEquals(json, DataTypeJson.toJson(type));
            assertEquals(type, DataTypeJson.fromJson(json));
        });
    }

    @Test
    void aSchemaIsWrittenInSparksFormatAndReadBack() {
        StructType schema = DdlParser.parseSchema(
                "a int not null comment 'id', b array<string>, c map<string, decimal(5,2)>, d struct<x: double>");
        String json = DataTypeJson.toJson(schema);
        assertEquals("{\"type\":\"struct\",\"fields\":["
                + "{\"name\":\"a\",\"type\":\"integer\",\"nullable\":false,\"metadata\":{\"comment\":\"id\"}},"
                + "{\"name\":\"b\",\"type\":{\"type\":\"array\",\"elementType\":\"string\",\"containsNull\":true},"
                + "\"nullable\":true,\"metadata\":{}},"
                + "{\"name\":\"c\",\"type\":{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":\"decimal(5,2)\","
                + "\"valueContainsNull\":true},\"nullable\":true,\"metadata\":{}},"
                + "{\"name\":\"d\",\"type\":{\"type\":\"struct\",\"fields\":[{\"name\":\"x\",\"type\":\"double\","
                + "\"nullable\":true,\"metadata\":{}}]},\"nullable\":true,\"metadata\":{}}]}", json);
        assertEquals(schema, DataTypeJson.fromJson(json));
    }

    @Test
    void pysparksSortedKeysAndNonNullFlagsReadBack() {
        String pyspark = "{\"fields\":[{\"metadata\":{},\"name\":\"c\",\"nullable\":true,\"type\":{\"containsNull\":false,"
                + "\"elementType\":\"long\",\"type\":\"array\"}},{\"metadata\":{},\"name\":\"m\",\"nullable\":true,"
                + "\"type\":{\"keyType\":\"string\",\"type\":\"map\",\"valueContainsNull\":false,\"valueType\":\"date\"}}],"
                + "\"type\":\"struct\"}";
        assertEquals(StructType.of(new StructField("c", new ArrayType(DataTypes.LongType, false)),
                        new StructField("m", new MapType(DataTypes.StringType, DataTypes.DateType, false))),
                DataTypeJson.fromJson(pyspark));
    }

    @Test
    void legacyNamesRead() {
        assertEquals(DecimalType.USER_DEFAULT, DataTypeJson.fromJson("\"decimal\""));
        assertEquals(DataTypes.StringType, DataTypeJson.fromJson("\"varchar(4)\""));
        assertEquals(DataTypes.NullType, DataTypeJson.fromJson("\"null\""));
        assertEquals(new StructType(List.of()), DataTypeJson.fromJson("{\"type\":\"struct\",\"fields\":[]}"));
    }

    @Test
    void badJsonSaysWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataTypeJson.fromJson("\"intx\""));
        assertTrue(e.getMessage().contains("unknown JSON data type \"intx\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataTypeJson.fromJson("{\"type\":\"array\"}"));
        assertTrue(e.getMessage().contains("missing \"elementType\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataTypeJson.fromJson("{nope"));
        assertTrue(e.getMessage().startsWith("not a JSON schema"), e.getMessage());
    }
}
