package dev.sequelj.executor.request;

import dev.sequelj.ast.error.Suggestions;
import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.sequelj.executor.request.JsonShapes.error;

/**
 * Reads a type as requests write it, the way the Sequelize oracle evaluates it ({@code DataTypes.<spec>}):
 * {@code "STRING"}, {@code "STRING(100)"}, {@code "STRING.BINARY"}, {@code "TEXT('long')"},
 * {@code "INTEGER(11).UNSIGNED.ZEROFILL"}, {@code "DECIMAL(10,2)"}, {@code "DATE(3)"},
 * {@code "ENUM('a','b')"}, {@code "ARRAY(DataTypes.INTEGER)"}, {@code "BLOB('tiny')"}.
 * Anything else is a {@link ValidationError} naming the JSON path and what is valid.
 */
final class DataTypeReader {
    static final List<String> TYPE_NAMES = List.of("STRING", "CHAR", "TEXT", "CITEXT", "TINYINT", "SMALLINT",
            "MEDIUMINT", "INTEGER", "BIGINT", "FLOAT", "REAL", "DOUBLE", "DECIMAL", "BOOLEAN", "DATE", "DATEONLY", "TIME",
            "UUID", "JSON", "JSONB", "ENUM", "ARRAY", "BLOB", "VIRTUAL");
    private static final String SUPPORTED = "STRING(n), CHAR(n), TEXT('tiny'|'medium'|'long'), CITEXT, TINYINT,"
            + " SMALLINT, MEDIUMINT, INTEGER, BIGINT (with .UNSIGNED, .ZEROFILL), FLOAT, REAL, DOUBLE, DECIMAL(p,s), BOOLEAN,"
            + " DATE(precision), DATEONLY, TIME, UUID, JSON, JSONB, ENUM('a','b'), ARRAY(DataTypes.INTEGER),"
            + " BLOB('tiny'|'medium'|'long'), VIRTUAL";
    private static final String DATA_TYPES_PREFIX = "DataTypes.";

    private final String spec;
    private final String path;
    private int pos;

    private DataTypeReader(String spec, String path) {
        this.spec = spec;
        this.path = path;
    }

    /** The type a spec such as {@code "DECIMAL(10,2)"} names. */
    static DataType type(String spec, String path) {
        DataTypeReader reader = new DataTypeReader(spec, path);
        try {
            DataType type = reader.type();
            reader.skipSpace();
            if (reader.pos != spec.length()) {
                throw reader.fail("unexpected '" + spec.substring(reader.pos) + "' in type '" + spec + "'");
            }
            return type;
        } catch (ValidationError e) {
            throw e.getMessage().startsWith(path + ":") ? e : error(path, e.getMessage());
        }
    }

    private DataType type() {
        skipSpace();
        if (spec.startsWith(DATA_TYPES_PREFIX, pos)) {
            pos += DATA_TYPES_PREFIX.length();
        }
        String name = word();
        if (name.equals("NOW") || name.startsWith("UUIDV")) {
            throw fail(name + " is a default value, not a column type; write {\"type\": \""
                    + (name.equals("NOW") ? "DATE" : "UUID") + "\", \"defaultValue\": {\"$fn\": \"" + name + "\"}}");
        }
        if (!TYPE_NAMES.contains(name)) {
            throw fail("unknown type '" + name + "'" + Suggestions.didYouMean(name, TYPE_NAMES) + "; supported: " + SUPPORTED);
        }
        skipSpace();
        List<Object> args = peek() == '(' ? arguments(name) : List.of();
        DataType type = make(name, args);
        while (peek() == '.') {
            pos++;
            String flag = word();
            type = flag(type, flag);
            skipSpace();
        }
        return type;
    }

    private DataType make(String name, List<Object> args) {
        return switch (name) {
            case "STRING" -> args.isEmpty() ? DataTypes.STRING : DataTypes.STRING(intArg(name, args, 0, 1));
            case "CHAR" -> args.isEmpty() ? DataTypes.CHAR : DataTypes.CHAR(intArg(name, args, 0, 1));
            case "TEXT" -> args.isEmpty() ? DataTypes.TEXT : DataTypes.TEXT(size(name, args));
            case "BLOB" -> args.isEmpty() ? DataTypes.BLOB : DataTypes.BLOB(size(name, args));
            case "TINYINT" -> args.isEmpty() ? DataTypes.TINYINT : DataTypes.TINYINT(intArg(name, args, 0, 1));
            case "SMALLINT" -> args.isEmpty() ? DataTypes.SMALLINT : DataTypes.SMALLINT(intArg(name, args, 0, 1));
            case "MEDIUMINT" -> args.isEmpty() ? DataTypes.MEDIUMINT : DataTypes.MEDIUMINT(intArg(name, args, 0, 1));
            case "INTEGER" -> args.isEmpty() ? DataTypes.INTEGER : DataTypes.INTEGER(intArg(name, args, 0, 1));
            case "BIGINT" -> args.isEmpty() ? DataTypes.BIGINT : DataTypes.BIGINT(intArg(name, args, 0, 1));
            case "FLOAT" -> args.isEmpty() ? DataTypes.FLOAT : args.size() == 1 ? DataTypes.FLOAT(intArg(name, args, 0, 2))
                    : DataTypes.FLOAT(intArg(name, args, 0, 2), intArg(name, args, 1, 2));
            case "REAL" -> args.isEmpty() ? DataTypes.REAL : args.size() == 1 ? DataTypes.REAL(intArg(name, args, 0, 2))
                    : DataTypes.REAL(intArg(name, args, 0, 2), intArg(name, args, 1, 2));
            case "DOUBLE" -> args.isEmpty() ? DataTypes.DOUBLE : args.size() == 1 ? DataTypes.DOUBLE(intArg(name, args, 0, 2))
                    : DataTypes.DOUBLE(intArg(name, args, 0, 2), intArg(name, args, 1, 2));
            case "DECIMAL" -> args.isEmpty() ? DataTypes.DECIMAL : args.size() == 1 ? DataTypes.DECIMAL(intArg(name, args, 0, 2))
                    : DataTypes.DECIMAL(intArg(name, args, 0, 2), intArg(name, args, 1, 2));
            case "DATE" -> args.isEmpty() ? DataTypes.DATE : DataTypes.DATE(intArg(name, args, 0, 1));
            case "ENUM" -> {
                List<String> values = new ArrayList<>();
                for (Object arg : args) {
                    if (!(arg instanceof String value)) {
                        throw fail("ENUM takes quoted strings, e.g. ENUM('active', 'archived'); got " + arg);
                    }
                    values.add(value);
                }
                yield DataTypes.ENUM(values);
            }
            case "ARRAY" -> {
                if (args.size() != 1 || !(args.get(0) instanceof DataType element)) {
                    throw fail("ARRAY takes one element type, e.g. ARRAY(DataTypes.INTEGER)");
                }
                yield DataTypes.ARRAY(element);
            }
            default -> {
                if (!args.isEmpty()) {
                    throw fail(name + " takes no arguments");
                }
                yield switch (name) {
                    case "CITEXT" -> DataTypes.CITEXT;
                    case "BOOLEAN" -> DataTypes.BOOLEAN;
                    case "DATEONLY" -> DataTypes.DATEONLY;
                    case "TIME" -> DataTypes.TIME;
                    case "UUID" -> DataTypes.UUID;
                    case "JSON" -> DataTypes.JSON;
                    case "JSONB" -> DataTypes.JSONB;
                    case "VIRTUAL" -> DataTypes.VIRTUAL;
                    default -> throw new IllegalStateException("type name without a case: " + name);
                };
            }
        };
    }

    private DataType flag(DataType type, String flag) {
        return switch (flag) {
            case "UNSIGNED" -> switch (type) {
                case DataType.IntegralType i -> i.UNSIGNED();
                case DataType.FloatingType f -> f.UNSIGNED();
                case DataType.DecimalType d -> d.UNSIGNED();
                default -> throw fail("UNSIGNED applies to the number types, not " + DataTypes.describe(type));
            };
            case "ZEROFILL" -> switch (type) {
                case DataType.IntegralType i -> i.ZEROFILL();
                case DataType.FloatingType f -> f.ZEROFILL();
                case DataType.DecimalType d -> d.ZEROFILL();
                default -> throw fail("ZEROFILL applies to the number types, not " + DataTypes.describe(type));
            };
            case "BINARY" -> switch (type) {
                case DataType.StringType s -> s.BINARY();
                case DataType.CharType c -> c.BINARY();
                default -> throw fail("BINARY applies to STRING and CHAR, not " + DataTypes.describe(type));
            };
            default -> throw fail("unknown flag ." + flag + "; expected .UNSIGNED, .ZEROFILL or .BINARY");
        };
    }

    private DataType.TextSize size(String name, List<Object> args) {
        if (args.size() != 1 || !(args.get(0) instanceof String size)) {
            throw fail(name + " takes one length, 'tiny', 'medium' or 'long'");
        }
        return switch (size.toLowerCase(Locale.ROOT)) {
            case "tiny" -> DataType.TextSize.TINY;
            case "medium" -> DataType.TextSize.MEDIUM;
            case "long" -> DataType.TextSize.LONG;
            default -> throw fail(name + "('" + size + "'): the length is 'tiny', 'medium' or 'long'");
        };
    }

    private int intArg(String name, List<Object> args, int index, int most) {
        if (args.size() > most) {
            throw fail(name + " takes at most " + most + (most == 1 ? " number" : " numbers") + ", got " + args.size());
        }
        if (!(args.get(index) instanceof Integer value)) {
            throw fail(name + " takes whole numbers, got " + args.get(index));
        }
        return value;
    }

    private List<Object> arguments(String name) {
        List<Object> args = new ArrayList<>();
        pos++; // (
        skipSpace();
        if (peek() == ')') {
            pos++;
            skipSpace();
            return args;
        }
        while (true) {
            skipSpace();
            char c = peek();
            if (c == '\'' || c == '"') {
                args.add(quoted(c));
            } else if (Character.isDigit(c) || c == '-') {
                args.add(number());
            } else if (name.equals("ARRAY")) {
                args.add(type());
            } else {
                throw fail("unexpected '" + (c == 0 ? "end" : String.valueOf(c)) + "' in the arguments of " + name + " in '" + spec + "'");
            }
            skipSpace();
            char next = peek();
            pos++;
            if (next == ')') {
                skipSpace();
                return args;
            }
            if (next != ',') {
                throw fail("expected ',' or ')' in the arguments of " + name + " in '" + spec + "'");
            }
        }
    }

    private String quoted(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < spec.length() && spec.charAt(pos) != quote) {
            char c = spec.charAt(pos++);
            if (c == '\\' && pos < spec.length()) {
                c = spec.charAt(pos++);
            }
            out.append(c);
        }
        if (pos >= spec.length()) {
            throw fail("unterminated string");
        }
        pos++;
        return out.toString();
    }

    private Integer number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < spec.length() && Character.isDigit(spec.charAt(pos))) {
            pos++;
        }
        try {
            return Integer.parseInt(spec.substring(start, pos));
        } catch (NumberFormatException e) {
            throw fail("'" + spec.substring(start, pos) + "' is not a whole number");
        }
    }

    private String word() {
        int start = pos;
        while (pos < spec.length() && (Character.isLetterOrDigit(spec.charAt(pos)) || spec.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw fail("expected a type name" + (pos < spec.length() ? " at '" + spec.substring(pos) + "'" : "")
                    + "; supported: " + SUPPORTED);
        }
        return spec.substring(start, pos);
    }

    private char peek() {
        return pos < spec.length() ? spec.charAt(pos) : 0;
    }

    private void skipSpace() {
        while (pos < spec.length() && Character.isWhitespace(spec.charAt(pos))) {
            pos++;
        }
    }

    private ValidationError fail(String detail) {
        return error(path, detail);
    }
}
