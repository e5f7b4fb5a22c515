package io.ember.sql.catalog;

import io.ember.sql.plans.LogicalPlan;

/** A temporary view: its name as created (case kept for listings) and its analyzed plan. */
public record TempView(String name, LogicalPlan plan) {}
