package io.ember.sql.sources;

import io.ember.sql.AnalysisException;
import java.io.Serializable;
import java.util.Map;

/**
 * The XML options Ember reads, with Spark's names and defaults: {@code rowTag} (required for
 * files), {@code rootTag} ({@code ROWS}), {@code attributePrefix} ({@code _}),
 * {@code valueTag} ({@code _VALUE}), {@code excludeAttribute}, {@code inferSchema} (true),
 * {@code ignoreSurroundingSpaces} (true), {@code nullValue}, {@code mode},
 * {@code declaration}, {@code columnNameOfCorruptRecord}, and the date and timestamp formats (see {@link TextValues}).
 */
final class XmlOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    final String rowTag;
    final String rootTag;
    final String attributePrefix;
    final String valueTag;
    final boolean excludeAttribute;
    final boolean inferSchema;
    final boolean trim;
    final String nullValue;
    final ParseMode mode;
    final String declaration;
    final String corruptColumn;
    final TextValues values;
    /** True when a date or timestamp format option is set (the default forms start with a year). */
    final boolean customDateFormats;

    XmlOptions(SourceOptions o, String defaultRowTag) {
        this.rowTag = o.get("rowTag", defaultRowTag);
        this.rootTag = o.get("rootTag", "ROWS");
        this.attributePrefix = o.get("attributePrefix", "_");
        this.valueTag = o.get("valueTag", "_VALUE");
        this.excludeAttribute = o.getBoolean("excludeAttribute", false);
        this.inferSchema = o.getBoolean("inferSchema", true);
        this.trim = o.getBoolean("ignoreSurroundingSpaces", true);
        this.nullValue = o.get("nullValue", null);
        this.mode = ParseMode.of(o);
        this.declaration = o.get("declaration", "version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"");
        this.corruptColumn = o.get("columnNameOfCorruptRecord", o.get(DataSource.CORRUPT_COLUMN_CONF, "_corrupt_record"));
        this.values = new TextValues(o);
        this.customDateFormats = o.has("dateFormat") || o.has("timestampFormat");
    }

    /** Options for files, where {@code rowTag} must be given (Spark's {@code XML_ROW_TAG_MISSING}). */
    static XmlOptions forFiles(SourceOptions o) {
        if (!o.has("rowTag")) {
            throw new AnalysisException("XML_ROW_TAG_MISSING",
                    "`rowTag` option is required for reading/writing files in XML format.", Map.of("rowTag", "`rowTag`"));
        }
        return new XmlOptions(o, null);
    }

    /** True when a field of this name holds an attribute (the prefix is not empty and starts it). */
    boolean isAttribute(String field) {
        return !attributePrefix.isEmpty() && field.startsWith(attributePrefix) && !field.equals(valueTag);
    }

    /** The text of an element or attribute as read: trimmed unless told not to. */
    String text(String raw) {
        return raw == null ? null : trim ? raw.strip() : raw;
    }
}
