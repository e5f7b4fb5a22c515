package io.ember.sql.api;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;

/** Column-list helpers shared by {@link Dataset}'s transformations. */
final class DatasetHelpers {
    private DatasetHelpers() {}

    static List<Expression> exprs(Column... cols) {
        List<Expression> out = new ArrayList<>();
        for (Column c : cols) {
            out.add(c.expr());
        }
        return out;
    }

    static Column[] names(String first, String... rest) {
        Column[] cols = new Column[rest.length + 1];
        cols[0] = functions.col(first);
        for (int i = 0; i < rest.length; i++) {
            cols[i + 1] = functions.col(rest[i]);
        }
        return cols;
    }

    /** Each column as a sort key, ascending unless it already is one. */
    static List<SortOrder> orders(Column... cols) {
        List<SortOrder> out = new ArrayList<>();
        for (Column c : cols) {
            out.add(c.expr() instanceof SortOrder o ? o : SortOrder.asc(c.expr()));
        }
        return out;
    }

    static Expression unalias(Expression e) {
        return e instanceof Alias a ? a.child() : e;
    }

    /** The position of the entry named {@code name} (as the session compares names), or -1. */
    static int indexOf(List<Expression> list, String name, SqlConf conf) {
        for (int i = 0; i < list.size(); i++) {
            if (conf.sameName(((NamedExpression) list.get(i)).name(), name)) {
                return i;
            }
        }
        return -1;
    }
}
