package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.expression.Expression.Column;
import dev.sequelj.ast.expression.Expression.JsonPath;
import dev.sequelj.ast.expression.JsonCast;
import io.vavr.collection.Vector;
import io.vavr.control.Option;

/**
 * What a where key names: an attribute ({@code "age"}) or, as in Sequelize, a path inside a JSON
 * attribute: {@code "meta.address.city"}, {@code "meta.items[0].name"}, with an optional cast on the
 * last key ({@code "meta.age::integer"}). Whether the attribute exists and is JSON is checked when the
 * clause is resolved against a model.
 */
final class WhereKeys {
    private WhereKeys() {}

    /** The column or JSON path a top-level key names. */
    static Expression target(String key, Object path) {
        int dot = key.indexOf('.');
        int bracket = key.indexOf('[');
        int split = dot < 0 ? bracket : bracket < 0 ? dot : Math.min(dot, bracket);
        if (split <= 0) {
            return new Column(Option.none(), key);
        }
        Column column = new Column(Option.none(), key.substring(0, split));
        String rest = key.charAt(split) == '.' ? key.substring(split + 1) : key.substring(split);
        return descend(column, Vector.empty(), Option.none(), rest, path);
    }

    /**
     * The target one key further down a JSON path: from a column ({@code meta}) or a path
     * ({@code meta.address}) by {@code key}, which may itself hold dots, indexes and a cast.
     */
    static JsonPath descend(Expression from, String key, Object path) {
        return switch (from) {
            case Column column -> descend(column, Vector.empty(), Option.none(), key, path);
            case JsonPath json -> descend(json.column(), Vector.ofAll(json.path()), json.cast(), key, path);
            default -> throw new ValidationError(path + ": a JSON path continues only from an attribute or a path");
        };
    }

    private static JsonPath descend(Column column, Vector<String> above, Option<JsonCast> castAbove, String key, Object path) {
        if (castAbove.isDefined()) {
            throw new ValidationError(path + ": the cast ::" + castAbove.get().sequelizeName()
                    + " must end the JSON path; nothing can follow it");
        }
        String keys = key;
        Option<JsonCast> cast = Option.none();
        int castAt = key.indexOf("::");
        if (castAt >= 0) {
            keys = key.substring(0, castAt);
            String name = key.substring(castAt + 2);
            cast = JsonCast.fromName(name);
            if (cast.isEmpty()) {
                throw new ValidationError(path + ": unknown cast ::" + name + "; casts are ::"
                        + JsonCast.names().mkString(", ::"));
            }
        }
        Vector<String> segments = above;
        for (String part : keys.split("\\.", -1)) {
            segments = segments.appendAll(segments(part, path));
        }
        return new JsonPath(column, segments, cast);
    }

    /** {@code items[0][1]} → {@code items}, {@code 0}, {@code 1}; {@code [2]} → {@code 2}. */
    private static Vector<String> segments(String part, Object path) {
        int open = part.indexOf('[');
        if (open < 0) {
            if (part.isEmpty()) {
                throw new ValidationError(path + ": a JSON path has an empty key; write keys as a.b.c");
            }
            return Vector.of(part);
        }
        Vector<String> segments = open == 0 ? Vector.empty() : Vector.of(part.substring(0, open));
        String indexes = part.substring(open);
        while (!indexes.isEmpty()) {
            int close = indexes.indexOf(']');
            String index = close > 0 && indexes.charAt(0) == '[' ? indexes.substring(1, close) : "";
            if (index.isEmpty() || !index.chars().allMatch(Character::isDigit)) {
                throw new ValidationError(path + ": '" + part + "' is not a JSON key with array indexes such as items[0]");
            }
            segments = segments.append(index);
            indexes = indexes.substring(close + 1);
        }
        return segments;
    }
}
