package io.ember.core;

/**
 * A documented configuration key with its default. Every key Ember reads is declared in
 * {@link ConfigKeys}; unknown ember.* keys are reported with a warning.
 */
public record ConfigKey(String name, String defaultValue, String doc) {}
