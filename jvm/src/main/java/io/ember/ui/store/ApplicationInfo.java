package io.ember.ui.store;

/**
 * The application as the store knows it. {@code endTime} is -1 while it runs (or when its log
 * ends without the application's end: it crashed); {@code completed} says whether it ended.
 */
public record ApplicationInfo(String id, String name, long startTime, long endTime, long lastUpdated, String user,
                              String version, boolean completed) {}
