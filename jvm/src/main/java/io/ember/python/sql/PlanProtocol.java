package io.ember.python.sql;

import io.ember.sql.api.PlanNames;

/**
 * The JSON names of the Python <-> JVM plan protocol (docs/sql.md): the Java twin of
 * {@code ember/sql/plan_protocol.py}, same names, same meanings. An operation is
 * {@code {"op": OP_..., ...}} whose {@code input} fields index the Datasets sent with it; an
 * expression is {@code {"kind": KIND_..., ...}}. The names are declared once, in
 * {@link PlanNames} (the sql layer reads them and may not import this one), and inherited here.
 */
public final class PlanProtocol extends PlanNames {
    private PlanProtocol() {}
}
