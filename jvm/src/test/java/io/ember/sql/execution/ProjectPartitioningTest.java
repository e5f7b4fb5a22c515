package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectPartitioningTest {
    private static final AttributeReference K = new AttributeReference("k", DataTypes.LongType, false);
    private static final AttributeReference V = new AttributeReference("v", DataTypes.LongType, false);
    private static final SparkPlan HASHED = new ShuffleExchangeExec(new Partitioning.Hash(List.of(K), 8),
            new LocalTableScanExec(List.of(K, V), List.of(), 1));

    private static Partitioning of(NamedExpression... list) {
        return new ProjectExec(List.of(list), HASHED).outputPartitioning();
    }

    @Test
    void aKeptKeyKeepsThePartitioning() {
        assertEquals(new Partitioning.Hash(List.of(K), 8), of(V, K));
    }

    @Test
    void aRenamedKeyIsThePartitioningOfItsAlias() {
        Alias renamed = new Alias(K, "k2");
        Partitioning p = of(renamed, V);
        assertEquals(new Partitioning.Hash(List.of(renamed.toAttribute()), 8), p);
        assertEquals(true, p.satisfiesWhenSplit(new Distribution.HashClustered(List.of(renamed.toAttribute()))));
    }

    @Test
    void aDroppedKeyLeavesNoPartitioning() {
        assertEquals(new Partitioning.Unknown(8), of(V));
    }
}
