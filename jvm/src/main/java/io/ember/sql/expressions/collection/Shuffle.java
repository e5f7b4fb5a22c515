package io.ember.sql.expressions.collection;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code shuffle(array[, seed])}: a random permutation. Non-deterministic; the generator is seeded
 * once per task's copy of the expression, so a query with a seed permutes the same input the
 * same way. Not thread-safe per instance (one task evaluates it).
 */
public final class Shuffle extends RowFunction {
    private static final long serialVersionUID = 1L;

    private final long seed;
    private transient SplittableRandom random;

    public Shuffle(Expression child, long seed) {
        super(List.of(child));
        this.seed = seed;
    }

    @Override
    public String prettyName() {
        return "shuffle";
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ARRAY);
    }

    @Override
    public io.ember.sql.types.DataType dataType() {
        return args.get(0).dataType();
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        if (random == null) random = new SplittableRandom(seed);
        return super.eval(batch);
    }

    @Override
    protected Object compute(Object[] v) {
        List<Object> out = new ArrayList<>((List<?>) v[0]);
        for (int i = out.size() - 1; i > 0; i--) Collections.swap(out, i, random.nextInt(i + 1));
        return out;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new Shuffle(a.get(0), seed);
    }

    @Override
    protected List<Object> args() {
        return List.of(seed);
    }
}
