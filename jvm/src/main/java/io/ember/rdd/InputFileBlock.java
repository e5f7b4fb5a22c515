package io.ember.rdd;

/**
 * The part of a file a task is reading right now, as Spark's {@code InputFileBlockHolder}
 * keeps it for {@code input_file_name()}: the file's URI ({@code file:///...}) and the byte
 * range of the split. {@link #NONE} (an empty name and -1 offsets) when rows come from no file.
 */
public record InputFileBlock(String uri, long start, long length) {
    public static final InputFileBlock NONE = new InputFileBlock("", -1L, -1L);
}
