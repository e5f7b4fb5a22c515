package io.ember.sql.execution;

/** Which input of a join a hash join builds its table from. */
public enum JoinSide { LEFT, RIGHT }
