package io.ember.sql.api;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Java bean as a row: one column per read-write property, sorted by name as Spark's bean
 * encoder does; property types map to Spark types (boxed and primitive numbers, boolean,
 * String, BigDecimal as decimal(38,18), java.sql.Date, java.sql.Timestamp).
 */
final class BeanEncoder<T> implements Encoder<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> beanClass;
    private transient List<PropertyDescriptor> properties;
    private final StructType schema;

    BeanEncoder(Class<T> beanClass) {
        this.beanClass = beanClass;
        List<StructField> fields = new ArrayList<>();
        for (PropertyDescriptor p : properties()) {
            Class<?> t = p.getPropertyType();
            fields.add(new StructField(p.getName(), typeOf(t), !t.isPrimitive()));
        }
        this.schema = new StructType(fields);
    }

    private List<PropertyDescriptor> properties() {
        if (properties == null) {
            try {
                List<PropertyDescriptor> ps = new ArrayList<>();
                for (PropertyDescriptor p : Introspector.getBeanInfo(beanClass, Object.class).getPropertyDescriptors()) {
                    if (p.getReadMethod() != null && p.getWriteMethod() != null) {
                        ps.add(p);
                    }
                }
                ps.sort(Comparator.comparing(PropertyDescriptor::getName));
                properties = ps;
            } catch (IntrospectionException e) {
                throw new IllegalArgumentException("not a Java bean: " + beanClass.getName(), e);
            }
        }
        return properties;
    }

    static DataType typeOf(Class<?> t) {
        if (t == int.class || t == Integer.class) return DataTypes.IntegerType;
        if (t == long.class || t == Long.class) return DataTypes.LongType;
        if (t == double.class || t == Double.class) return DataTypes.DoubleType;
        if (t == float.class || t == Float.class) return DataTypes.FloatType;
        if (t == short.class || t == Short.class) return DataTypes.ShortType;
        if (t == byte.class || t == Byte.class) return DataTypes.ByteType;
        if (t == boolean.class || t == Boolean.class) return DataTypes.BooleanType;
        if (t == String.class) return DataTypes.StringType;
        if (t == BigDecimal.class) return DecimalType.SYSTEM_DEFAULT;
        if (t == java.sql.Date.class) return DataTypes.DateType;
        if (t == java.sql.Timestamp.class) return DataTypes.TimestampType;
        if (t == byte[].class) return DataTypes.BinaryType;
        throw new UnsupportedOperationException("[ENCODER_NOT_FOUND] Not found an encoder of the type " + t.getName()
                + " to Spark SQL internal representation.");
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public T fromRow(Row row) {
        try {
            T bean = beanClass.getDeclaredConstructor().newInstance();
            List<PropertyDescriptor> ps = properties();
            for (int i = 0; i < ps.size(); i++) {
                Object v = row.get(row.schema() == null ? i : row.fieldIndex(ps.get(i).getName()));
                Method set = ps.get(i).getWriteMethod();
                if (v != null || !ps.get(i).getPropertyType().isPrimitive()) {
                    set.invoke(bean, v instanceof Number n ? number(n, ps.get(i).getPropertyType()) : v);
                }
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + beanClass.getName() + " from " + row, e);
        }
    }

    /** A number as the property's numeric type (columns may be wider, as after {@code sum}). */
    private static Object number(Number n, Class<?> t) {
        if (t == int.class || t == Integer.class) return n.intValue();
        if (t == long.class || t == Long.class) return n.longValue();
        if (t == double.class || t == Double.class) return n.doubleValue();
        if (t == float.class || t == Float.class) return n.floatValue();
        if (t == short.class || t == Short.class) return n.shortValue();
        if (t == byte.class || t == Byte.class) return n.byteValue();
        return n;
    }

    @Override
    public Row toRow(T value) {
        List<PropertyDescriptor> ps = properties();
        Object[] values = new Object[ps.size()];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = ps.get(i).getReadMethod().invoke(value);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the properties of " + value, e);
        }
        return new Row(values, schema);
    }
}
