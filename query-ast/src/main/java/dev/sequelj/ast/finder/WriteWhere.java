package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import io.vavr.collection.Vector;

import java.util.Map;

/** The where clause and limit of the writes, read the same way by every write's options. */
final class WriteWhere {
    private WriteWhere() {}

    /**
     * Sequelize's object form. An empty map is a where clause that holds for every row (an empty
     * {@code And}): given, so an update or destroy that requires a where accepts it, and sent as no WHERE.
     */
    static Expression parse(Map<?, ?> where) {
        return where.isEmpty() ? new Expression.And(Vector.empty()) : WhereObject.parse(where);
    }

    static int checkLimit(int limit) {
        if (limit < 0) {
            throw new ValidationError("limit must be 0 or more, got " + limit);
        }
        return limit;
    }
}
