package dev.sequelj.render.dialect;

import dev.sequelj.ast.error.UnsupportedFeatureError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.JsonCast;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.DefaultValue;
import dev.sequelj.ast.model.Reference;
import dev.sequelj.ast.statement.ColumnDefinition;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OnDuplicate;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.OrderItem.Nulls;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import dev.sequelj.render.JsonText;
import dev.sequelj.render.SqlWriter;
import dev.sequelj.render.ValueCodec;
import dev.sequelj.render.literal.LiteralWriter;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Everything one database does differently, in one place: quoting, column types, and small hooks for
 * the clauses whose shape differs (as Apache Calcite's {@code SqlDialect} subclasses and Sequelize's
 * per-dialect query generators are split). The renderer asks the dialect; it never tests which
 * dialect it has.
 *
 * <p>The defaults here are standard SQL as PostgreSQL speaks it; each subclass overrides only what
 * its database does otherwise. Dialects are immutable and shared; the one setting a dialect carries,
 * the {@link #timezone() timezone} DATE values are written in, is data on a configured copy
 * ({@link #withTimezone}), never a global.
 */
public abstract class Dialect implements Cloneable {
    private final char openQuote;
    private final char closeQuote;

    /**
     * @param openQuote  the character that opens a quoted identifier: {@code "}, {@code `} or {@code [}
     * @param closeQuote the character that closes it, doubled wherever it appears inside a name
     */
    protected Dialect(char openQuote, char closeQuote) {
        this.openQuote = openQuote;
        this.closeQuote = closeQuote;
    }

    /** Sequelize's name for the dialect: {@code postgres}, {@code mysql}, {@code mariadb}, {@code sqlite}, {@code mssql}. */
    public abstract String name();

    // ---- identifiers and literals -------------------------------------------------------------

    /** Appends {@code name} quoted, with the closing quote doubled inside, so no name can end the quoting. */
    public final void quoteIdentifier(StringBuilder out, String name) {
        quote(out, name, openQuote, closeQuote);
    }

    /** {@code open name close}, with every {@code close} inside the name doubled. */
    protected static void quote(StringBuilder out, String name, char open, char close) {
        out.append(open);
        appendDoubling(out, name, close);
        out.append(close);
    }

    /** Appends a table name, qualified by its schema when it has one: {@code "public"."users"}. */
    public void quoteTableName(StringBuilder out, TableName table) {
        quoteQualified(out, table);
    }

    /** {@code "public"."users"}: schema and table quoted apart, joined by a dot. */
    protected final void quoteQualified(StringBuilder out, TableName table) {
        if (table.schema().isDefined()) {
            quoteIdentifier(out, table.schema().get());
            out.append('.');
        }
        quoteIdentifier(out, table.name());
    }

    /** Appends a string literal, escaped by the dialect's {@link #literals() literal writer}. */
    public void quoteStringLiteral(StringBuilder out, String value) {
        literals().string(out, value);
    }

    private static void appendDoubling(StringBuilder out, String text, char quote) {
        if (text.indexOf(quote) < 0) {
            out.append(text); // the usual name: nothing to double, appended whole
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == quote) {
                out.append(quote);
            }
        }
    }

    // ---- types ----------------------------------------------------------------------------------

    /**
     * The column type of a data type in CREATE TABLE, as Sequelize writes it for this database: each
     * dialect holds its own table, an exhaustive switch over the data types. A type the database has no
     * column for is an {@link dev.sequelj.ast.error.UnsupportedFeatureError} naming the dialect.
     */
    public abstract String columnType(DataType type);

    // ---- CREATE / DROP TABLE -------------------------------------------------------------------

    /** Writes what comes before the column list: {@code CREATE TABLE IF NOT EXISTS "users"}. */
    public void writeCreateTableStart(SqlWriter out, TableName table) {
        out.sql("CREATE TABLE IF NOT EXISTS ").table(table);
    }

    /** Writes what comes after the closing parenthesis of the column list (MySQL's engine, say). */
    public void writeCreateTableEnd(SqlWriter out) {}

    /**
     * Writes the definition of the single auto-increment primary-key column, after its name.
     *
     * @return true when the key is declared inline, so no {@code PRIMARY KEY (...)} clause follows
     */
    public boolean writeAutoIncrementColumn(SqlWriter out, DataType type) {
        out.sql(' ').sql(type instanceof DataType.BigIntType ? "BIGSERIAL" : "SERIAL");
        return false;
    }

    /** Writes the nullability of an ordinary column; the standard says only {@code NOT NULL}. */
    public void writeNullability(SqlWriter out, boolean allowNull) {
        if (!allowNull) {
            out.sql(" NOT NULL");
        }
    }

    /** Writes what must run after a DROP TABLE: PostgreSQL drops the ENUM columns' types when cascading. */
    public void writeAfterDropTable(SqlWriter out, Statement.DropTable drop) {}

    /** Writes {@code DROP TABLE IF EXISTS "users"}, with CASCADE where the database has it and it is asked for. */
    public void writeDropTable(SqlWriter out, TableName table, boolean cascade) {
        out.sql("DROP TABLE IF EXISTS ").table(table);
        if (cascade) {
            out.sql(" CASCADE");
        }
    }

    // ---- INSERT ---------------------------------------------------------------------------------

    /** How an INSERT names the auto-increment key it leaves to the database. */
    public enum AutoIncrementInsert {
        /** Listed, with the value {@code DEFAULT}. */
        DEFAULT_KEYWORD,
        /** Listed, with the value {@code NULL}, which SQLite turns into the next rowid. */
        NULL_VALUE,
        /** Not listed at all (SQL Server refuses any value for an IDENTITY column). */
        OMITTED
    }

    public AutoIncrementInsert autoIncrementInsert() {
        return AutoIncrementInsert.DEFAULT_KEYWORD;
    }

    /** Writes what must precede an INSERT that gives the auto-increment key a value; nothing in standard SQL. */
    public void writeBeforeExplicitKeyInsert(SqlWriter out, TableName table) {}

    /** Writes what must follow an INSERT that gives the auto-increment key a value. */
    public void writeAfterExplicitKeyInsert(SqlWriter out, TableName table) {}

    /** How an INSERT hands back the stored row. */
    public enum InsertReturning {
        /** {@code ... RETURNING "id", ...} after the values. */
        RETURNING_CLAUSE,
        /** {@code OUTPUT INSERTED.[id], ...} between the column list and VALUES. */
        OUTPUT_INSERTED,
        /** Not at all: the executor reads the generated key instead (MySQL). */
        GENERATED_KEY
    }

    public InsertReturning insertReturning() {
        return InsertReturning.RETURNING_CLAUSE;
    }

    /**
     * Whether an INSERT whose stored row is the values sent plus the generated key
     * ({@code Statement.Insert.returningRequired()} false) reads the key instead of the row, where
     * {@link #insertReturning()} could hand the row back. False: the row comes back whenever asked.
     */
    public boolean insertReadsKeyWhenRowIsKnown() {
        return false;
    }

    /** Which row's key a multi-row INSERT hands back as its generated key. */
    public enum GeneratedKeyRow {
        /** The first row's ({@code LAST_INSERT_ID()} on MySQL); the others follow it. */
        FIRST,
        /** The last row's ({@code last_insert_rowid()} on SQLite); the others precede it. */
        LAST
    }

    public GeneratedKeyRow generatedKeyRow() {
        return GeneratedKeyRow.FIRST;
    }

    /** Writes the values part of an INSERT that gives no column at all. */
    public void writeEmptyInsertValues(SqlWriter out) {
        out.sql(" DEFAULT VALUES");
    }

    // ---- WHERE: operators, quantified arrays, ranges, JSON paths ---------------------------------------

    /** The comparisons every database here spells alike. Sequelize writes {@code !=} for {@code Op.ne} everywhere. */
    protected static final Map<ComparisonOperator, String> STANDARD_OPERATORS = LinkedHashMap.of(
            ComparisonOperator.EQ, " = ", ComparisonOperator.NE, " != ",
            ComparisonOperator.GT, " > ", ComparisonOperator.GTE, " >= ",
            ComparisonOperator.LT, " < ", ComparisonOperator.LTE, " <= ",
            ComparisonOperator.LIKE, " LIKE ", ComparisonOperator.NOT_LIKE, " NOT LIKE ");

    /** In a JSON cast table: the value is compared as the extracted text, without a cast. */
    protected static final String NO_CAST = "";

    /** {@link #comparisonOperators()} by the operator's ordinal, null where the database lacks it: read on every comparison. */
    private String[] operatorTable;
    private Map<JsonCast, String> jsonCastTable;

    /**
     * The comparisons this database has, each spelled with the spaces around it ({@code " ILIKE "}). An
     * operator missing from the table is one the database lacks: rendering it is an
     * {@link UnsupportedFeatureError}. Subclasses add to the standard table.
     */
    protected Map<ComparisonOperator, String> comparisonOperators() {
        return STANDARD_OPERATORS;
    }

    /** How a comparison is spelled, or an {@link UnsupportedFeatureError} naming the operator and where it works. */
    public final String comparisonOperator(ComparisonOperator operator) {
        String[] table = operatorTable;
        if (table == null) {
            // The same on every call; a racing second build is harmless.
            table = new String[ComparisonOperator.values().length];
            for (var entry : comparisonOperators()) {
                table[entry._1.ordinal()] = entry._2;
            }
            operatorTable = table;
        }
        String spelled = table[operator.ordinal()];
        if (spelled == null) {
            throw unsupported("Op." + operator.sequelizeKey().substring(1) + " (" + operator.sequelizeKey() + ")",
                    d -> d.comparisonOperators().containsKey(operator));
        }
        return spelled;
    }

    /**
     * The literal that {@code IS [NOT]} tests a boolean against ({@code $is: true}, {@code $not: false}), or
     * none where the database cannot write {@code IS TRUE}.
     */
    protected Option<String> truthLiteral(boolean value) {
        return Option.some(value ? "true" : "false");
    }

    /** Writes {@code IS TRUE}'s literal, or refuses where the database has no such test. */
    public final void writeTruthLiteral(SqlWriter out, boolean value) {
        out.sql(truthLiteral(value).getOrElseThrow(() -> unsupported("IS TRUE / IS FALSE (Op.is with true or false,"
                + " Op.not with true or false)", d -> d.truthLiteral(value).isDefined())));
    }

    /** Whether the database has array values ({@code ARRAY[...]}) and comparisons quantified over them ({@code = ANY (...)}). */
    protected boolean hasArrays() {
        return false;
    }

    /** Refuses array values and {@code ANY}/{@code ALL} where the database has none. */
    public final void requireArrays(String feature) {
        if (!hasArrays()) {
            throw unsupported(feature, Dialect::hasArrays);
        }
    }

    /** The function that builds a range of the given bound type ({@code int4range}), none where there is none. */
    protected Option<String> rangeConstructor(DataType subtype) {
        return Option.none();
    }

    /** {@link #rangeConstructor}, or an {@link UnsupportedFeatureError}. */
    public final String rangeFunction(DataType subtype) {
        return rangeConstructor(subtype).getOrElseThrow(() -> unsupported("a range of " + DataTypes.describe(subtype)
                + " (the range operators)", d -> d.rangeConstructor(subtype).isDefined()));
    }

    /**
     * The SQL type each JSON cast becomes ({@code "meta.age::integer"}; numbers are compared as
     * {@code DOUBLE_PRECISION}, booleans as {@code BOOLEAN}); {@link #NO_CAST} to compare the text as it
     * is. A cast missing from the table is one the database cannot make. Empty where JSON paths are not
     * supported at all.
     */
    protected Map<JsonCast, String> jsonCasts() {
        return LinkedHashMap.empty();
    }

    /** The SQL type of a JSON cast ({@link #NO_CAST} for none), or an {@link UnsupportedFeatureError}. */
    public final String jsonCast(JsonCast cast) {
        if (jsonCastTable == null) {
            jsonCastTable = jsonCasts(); // immutable, as the operator table
        }
        return jsonCastTable.get(cast).getOrElseThrow(() -> unsupported("the JSON path cast ::" + cast.sequelizeName(),
                d -> d.jsonCasts().containsKey(cast)));
    }

    /** Refuses JSON path conditions where the database has none (its cast table is empty). */
    public final void requireJsonPaths() {
        if (jsonCasts().isEmpty()) {
            throw unsupported("JSON path conditions ({\"meta\": {\"key\": ...}}, \"meta.key\")", d -> !d.jsonCasts().isEmpty());
        }
    }

    /**
     * Writes the text at {@code path} inside a JSON column ({@code column} writes the column). Unsupported
     * by default: a database that has JSON paths overrides this and {@link #jsonCasts()}.
     */
    public void writeJsonText(SqlWriter out, Runnable column, Seq<String> path) {
        requireJsonPaths();
        throw new IllegalStateException(name() + " has JSON casts but does not write JSON paths");
    }

    /**
     * Whether null and booleans inside JSON compare as the text JSON unquotes them to ({@code 'null'},
     * {@code 'true'}) rather than as SQL NULL and booleans: MySQL's {@code json_unquote} hands back text,
     * and Sequelize compares it so.
     */
    public boolean jsonScalarsAsText() {
        return false;
    }

    /** Writes a bound value of a data type; a plain placeholder unless the database must be told its type. */
    public void writeTypedParam(SqlWriter out, DataType type, Object databaseValue) {
        out.param(databaseValue);
    }

    /**
     * A SQL/JSON path as MySQL, MariaDB and SQLite read it: {@code $.address.city}, {@code $.items[0].name}.
     * A key of digits only indexes an array, as in Sequelize. A key that is not a plain identifier (or
     * every key, when {@code quoteEveryKey}, as Sequelize writes MySQL paths) is double-quoted with
     * {@code "} and {@code \} escaped, so that no key can end the quoting or reach another key.
     */
    protected static String sqlJsonPath(Seq<String> path, boolean quoteEveryKey) {
        StringBuilder out = new StringBuilder("$");
        for (String key : path) {
            if (!key.isEmpty() && key.chars().allMatch(c -> c >= '0' && c <= '9')) {
                out.append('[').append(key).append(']');
            } else if (!quoteEveryKey && key.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                out.append('.').append(key);
            } else {
                out.append(".\"");
                for (int i = 0; i < key.length(); i++) {
                    char c = key.charAt(i);
                    if (c == '"' || c == '\\') {
                        out.append('\\');
                    }
                    out.append(c);
                }
                out.append('"');
            }
        }
        return out.toString();
    }

    /**
     * The error for a feature this database lacks, naming it, this dialect, and the dialects where it
     * works: {@code Op.iLike ($iLike) is not supported on mysql; it works on postgres}.
     */
    protected final UnsupportedFeatureError unsupported(String feature, Predicate<Dialect> works) {
        Seq<String> elsewhere = Dialects.all().filter(works).map(Dialect::name);
        return new UnsupportedFeatureError(feature + " is not supported on " + name()
                + (elsewhere.isEmpty() ? "" : "; it works on " + elsewhere.mkString(", ")));
    }

    // ---- SELECT ---------------------------------------------------------------------------------

    /** Whether this dialect can page (limit/offset) only after an ORDER BY, so one must be supplied. */
    public boolean pagingNeedsOrderBy() {
        return false;
    }

    /** Writes the paging clause; standard {@code LIMIT ? OFFSET ?}, each part only when given. */
    public void writeLimitOffset(SqlWriter out, Option<Integer> limit, Option<Integer> offset) {
        if (limit.isDefined()) {
            out.sql(" LIMIT ").param(limit.get());
        }
        if (offset.isDefined()) {
            out.sql(" OFFSET ").param(offset.get());
        }
    }

    // ---- SELECT: finder clauses (fn, cast, random, order keys, locks) --------------------------------

    /**
     * The type a {@code CAST} names, for a checked, upper-case type name. Standard SQL takes it as it is;
     * a database without that type name renames it, as Sequelize does.
     */
    public String castType(String type) {
        return type;
    }

    /** The function call {@code sequelize.random()} stands for; {@code RANDOM()} in standard SQL. */
    public String randomFunction() {
        return "RANDOM()";
    }

    /**
     * Writes one ORDER BY key: {@code key [ASC|DESC] [NULLS FIRST|NULLS LAST]}.
     *
     * @param key writes the key expression; a dialect may write it more than once
     */
    public void writeOrderKey(SqlWriter out, Consumer<SqlWriter> key, Option<Direction> direction, Option<Nulls> nulls) {
        key.accept(out);
        writeDirection(out, direction);
        if (nulls.isDefined()) {
            out.sql(nulls.get() == Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /**
     * {@link #writeOrderKey} for databases without {@code NULLS FIRST/LAST} (MySQL, MariaDB, SQL Server,
     * where NULL sorts as the smallest value): a leading key that puts the NULLs where asked, then the key.
     * Before: {@code "age" DESC NULLS FIRST}. After:
     * {@code CASE WHEN `age` IS NULL THEN 0 ELSE 1 END, `age` DESC}.
     */
    protected final void writeOrderKeyEmulatingNulls(SqlWriter out, Consumer<SqlWriter> key, Option<Direction> direction,
                                                     Option<Nulls> nulls) {
        nulls.forEach(n -> {
            out.sql("CASE WHEN ");
            key.accept(out);
            out.sql(n == Nulls.FIRST ? " IS NULL THEN 0 ELSE 1 END, " : " IS NULL THEN 1 ELSE 0 END, ");
        });
        key.accept(out);
        writeDirection(out, direction);
    }

    private static void writeDirection(SqlWriter out, Option<Direction> direction) {
        if (direction.isDefined()) {
            out.sql(direction.get() == Direction.DESC ? " DESC" : " ASC");
        }
    }

    /** Writes a lock given as a hint on the table, after {@code FROM "users" AS "user"}; none in standard SQL. */
    public void writeTableLockHint(SqlWriter out, Lock lock) {}

    /**
     * Writes a lock as a clause at the end of the SELECT: PostgreSQL's {@code FOR UPDATE}, {@code FOR SHARE},
     * {@code FOR KEY SHARE}, {@code FOR NO KEY UPDATE}.
     */
    public void writeLockClause(SqlWriter out, Lock lock) {
        out.sql(" FOR ").sql(lock.sequelizeName());
    }

    /** The refusal of a lock this database cannot take. */
    protected final UnsupportedFeatureError unsupportedLock(Lock lock, String instead) {
        return new UnsupportedFeatureError("lock " + lock.sequelizeName() + " is not supported on " + name() + "; " + instead);
    }

    // ---- writes: INSERT conflicts and batches, UPDATE/DELETE, TRUNCATE, upsert (helper D) ---------

    /**
     * Writes the start of an INSERT up to its table, skipping duplicates where this database says so
     * up front. Standard SQL (PostgreSQL): {@code INSERT INTO }, duplicates handled after the values
     * ({@link #writeOnDuplicate}).
     */
    public void writeInsertInto(SqlWriter out, OnDuplicate onDuplicate) {
        out.sql("INSERT INTO ");
    }

    /**
     * Writes what follows an INSERT's values for its {@link OnDuplicate}. Standard SQL (PostgreSQL):
     * {@code ON CONFLICT DO NOTHING}, {@code ON CONFLICT ("id") DO UPDATE SET "a"=EXCLUDED."a"}, and
     * {@code ON CONFLICT ("id") DO NOTHING} for an update of no column.
     */
    public void writeOnDuplicate(SqlWriter out, OnDuplicate onDuplicate) {
        switch (onDuplicate) {
            case OnDuplicate.Refuse refuse -> {}
            case OnDuplicate.Ignore ignore -> out.sql(" ON CONFLICT DO NOTHING");
            case OnDuplicate.Update update -> {
                out.sql(" ON CONFLICT (");
                writeIdentifiers(out, update.conflictColumns(), ",");
                if (update.columns().isEmpty()) {
                    out.sql(") DO NOTHING");
                    return;
                }
                out.sql(") DO UPDATE SET ");
                boolean first = true;
                for (String column : update.columns()) {
                    out.sql(first ? "" : ",").identifier(column).sql("=EXCLUDED.").identifier(column);
                    first = false;
                }
            }
        }
    }

    /** Writes identifiers separated by {@code separator}. */
    protected static void writeIdentifiers(SqlWriter out, Seq<String> names, String separator) {
        boolean first = true;
        for (String name : names) {
            out.sql(first ? "" : separator).identifier(name);
            first = false;
        }
    }

    /**
     * The most values one statement may bind; a longer bulk INSERT is split. PostgreSQL's wire protocol
     * counts parameters in 16 bits.
     */
    public int maxParameters() {
        return 65_535;
    }

    /** The most rows one INSERT may list; a longer bulk INSERT is split. No limit in standard SQL. */
    public int maxInsertRows() {
        return Integer.MAX_VALUE;
    }

    /** How {@code upsert} is written. */
    public enum UpsertForm {
        /** An INSERT with its {@link #writeOnDuplicate duplicate clause} updating the existing row. */
        INSERT_ON_DUPLICATE,
        /** {@code MERGE INTO ... USING (VALUES ...) ... WHEN MATCHED ... WHEN NOT MATCHED ...} (SQL Server). */
        MERGE
    }

    public UpsertForm upsertForm() {
        return UpsertForm.INSERT_ON_DUPLICATE;
    }

    /**
     * Whether the count an upsert that hands back no rows reports says if the row was inserted: MySQL's
     * {@code ON DUPLICATE KEY UPDATE} counts 1 for a row inserted and 2 for a row updated, which
     * Sequelize reads as {@code created}. PostgreSQL and SQLite count 1 either way.
     */
    public boolean upsertCountTellsInsert() {
        return false;
    }

    /**
     * The column a MERGE's {@code OUTPUT} starts with to say what it did to the row ({@code 'INSERT'} or
     * {@code 'UPDATE'}), written as is and read back under that label: SQL Server's {@code $action}, which
     * Sequelize's mssql upsert reads as {@code created}. None where the MERGE cannot say.
     */
    public Option<String> mergeActionColumn() {
        return Option.none();
    }

    /** Writes the head of a MERGE up to its target table: {@code MERGE INTO "users"}. */
    public void writeMergeInto(SqlWriter out, TableName table) {
        out.sql("MERGE INTO ").table(table);
    }

    /** How an UPDATE hands back the rows it changed. */
    public enum UpdateReturning {
        /** {@code ... RETURNING "id", ...} at the end. */
        RETURNING_CLAUSE,
        /** {@code OUTPUT INSERTED.[id], ...} between SET and WHERE. */
        OUTPUT_INSERTED,
        /** Not at all: the statement hands back its row count (MySQL, MariaDB). */
        NONE
    }

    public UpdateReturning updateReturning() {
        return UpdateReturning.RETURNING_CLAUSE;
    }

    /** How an UPDATE or DELETE changes at most n rows. */
    public enum WriteLimit {
        /** {@code ... WHERE ... LIMIT ?} (MySQL). */
        LIMIT_CLAUSE,
        /** {@code UPDATE TOP(?) ...}, {@code DELETE TOP(?) FROM ...} (SQL Server). */
        TOP,
        /** {@code WHERE rowid IN (SELECT rowid FROM ... WHERE ... LIMIT ?)} (SQLite's row ids). */
        ROWID_SUBSELECT,
        /** {@code WHERE "id" IN (SELECT "id" FROM ... WHERE ... LIMIT ?)} on the primary key. */
        KEY_SUBSELECT
    }

    /** PostgreSQL has no LIMIT on UPDATE or DELETE; the rows are picked by primary key, as Sequelize's DELETE does. */
    public WriteLimit writeLimit() {
        return WriteLimit.KEY_SUBSELECT;
    }

    /**
     * Writes the statement that empties a table: {@code TRUNCATE "users" RESTART IDENTITY CASCADE}, each
     * option only when asked for.
     */
    public void writeTruncate(SqlWriter out, TableName table, boolean cascade, boolean restartIdentity) {
        out.sql("TRUNCATE ").table(table);
        if (restartIdentity) {
            out.sql(" RESTART IDENTITY");
        }
        if (cascade) {
            out.sql(" CASCADE");
        }
    }

    /**
     * Writes a second statement that restarts the auto-increment counter after a TRUNCATE that does not
     * (SQLite), and says whether it wrote one. None in standard SQL, where TRUNCATE says it itself.
     */
    public boolean writeIdentityReset(SqlWriter out, TableName table) {
        return false;
    }

    /** A TRUNCATE option this database cannot honour, refused by name. */
    protected final UnsupportedFeatureError truncateCascadeUnsupported() {
        return new UnsupportedFeatureError(name() + " cannot truncate with cascade: its TRUNCATE (or what stands"
                + " for it) does not empty the tables that refer to this one; empty those first, or leave out cascade");
    }

    // ---- values ---------------------------------------------------------------------------------

    /** A checked Java value (see {@code ValueChecker}) in the form this database stores it, ready to bind. */
    public Object toDatabaseValue(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case DataType.StringType s -> value;
            case DataType.CharType c -> value;
            case DataType.TextType t -> value;
            case DataType.CitextType c -> value;
            case DataType.EnumType e -> value;
            case DataType.IntegralType i -> value;
            case DataType.FloatingType f -> value;
            case DataType.DecimalType d -> value;
            case DataType.BooleanType b -> value;
            case DataType.DateType d -> value instanceof Instant instant ? writeDate(d, instant) : value;
            case DataType.DateOnlyType d -> value instanceof LocalDate date ? writeDateOnly(date) : value;
            case DataType.TimeType t -> value instanceof LocalTime time ? writeTime(time) : value;
            case DataType.UuidType u -> value instanceof UUID uuid ? writeUuid(uuid) : value;
            // JSON is bound as its text, as Sequelize sends JSON.stringify(value).
            case DataType.JsonType j -> JsonText.write(value);
            case DataType.JsonbType j -> JsonText.write(value);
            case DataType.ArrayType a -> writeArray(a, value instanceof List<?> list ? list : List.of(value));
            case DataType.BlobType b -> value;
            case DataType.VirtualType v -> value;
        };
    }

    /** How a DATE value is bound. */
    protected abstract Object writeDate(Instant instant);

    /** How a DATE value is bound, given the column's precision; by default as {@link #writeDate(Instant)}. */
    protected Object writeDate(DataType.DateType type, Instant instant) {
        return writeDate(instant);
    }

    /** How a DATEONLY value is bound: a {@code LocalDate}, which every driver here binds as SQL DATE. */
    protected Object writeDateOnly(LocalDate date) {
        return date;
    }

    /** How a TIME value is bound: a {@code LocalTime}. */
    protected Object writeTime(LocalTime time) {
        return time;
    }

    /** How a UUID is bound: its text, for the {@code CHAR(36)} columns most databases store it in. */
    protected Object writeUuid(UUID uuid) {
        return uuid.toString();
    }

    /** How an ARRAY value is bound; only PostgreSQL has arrays. */
    protected Object writeArray(DataType.ArrayType type, List<?> elements) {
        throw new UnsupportedFeatureError(name() + " has no ARRAY type (ARRAY is PostgreSQL's); store a JSON array instead");
    }

    /** A value as the executor read it, in the Java type the attribute's data type stands for. */
    public Object fromDatabaseValue(DataType type, Object value) {
        if (type instanceof DataType.DateType) {
            // A DATETIME without zone holds the wall clock of the timezone option, read as a LocalDateTime or,
            // as MySQL binds a DATE with fractional seconds, as its text.
            LocalDateTime wallClock = value instanceof LocalDateTime read ? read
                    : value instanceof String text ? ValueCodec.parseWallClock(text) : null;
            if (wallClock != null) {
                return wallClock.toInstant(timezone);
            }
        }
        return ValueCodec.read(type, value);
    }

    // ---- DDL: column definitions, constraints, indexes, the QueryInterface (helper A) ------------
    //
    // The renderer (TableRenderer) walks the statement; these hooks hold what each database writes.
    // DDL takes no parameters: defaults, ENUM values and comments are written as literals, through the
    // dialect's one literal writer (literals()).

    /** Where a column definition is written: its clauses differ slightly between the three. */
    public enum ColumnContext { CREATE_TABLE, ADD_COLUMN, CHANGE_COLUMN }

    /** A refusal naming this dialect: {@code "mysql cannot ..."}. */
    protected UnsupportedFeatureError unsupported(String what) {
        return new UnsupportedFeatureError(name() + " " + what);
    }

    /** Writes a column's type; by default {@link #columnType}. PostgreSQL names an ENUM column's type after the column. */
    public void writeColumnType(SqlWriter out, TableName table, ColumnDefinition column) {
        try {
            out.sql(columnType(column.type()));
        } catch (UnsupportedFeatureError e) {
            throw new UnsupportedFeatureError(table.name() + "." + column.name() + ": " + e.getMessage());
        }
    }

    /**
     * Writes a column's definition after its name: type, nullability, DEFAULT, UNIQUE, then (where the
     * database takes it inline) REFERENCES, a comment and a CHECK.
     */
    public void writeColumnDefinition(SqlWriter out, TableName table, ColumnDefinition column, ColumnContext context) {
        writeColumnType(out, table, column);
        writeColumnNullability(out, column);
        writeColumnDefault(out, column);
        if (column.unique()) {
            out.sql(" UNIQUE");
        }
        if (referencesInline(context)) {
            column.references().forEach(reference -> writeReferenceTarget(out, reference));
        }
        column.comment().forEach(comment -> writeInlineComment(out, comment));
        writeColumnCheck(out, column);
    }

    /** The nullability of a column; by default {@link #writeNullability(SqlWriter, boolean)}. */
    protected void writeColumnNullability(SqlWriter out, ColumnDefinition column) {
        writeNullability(out, column.allowNull());
    }

    /**
     * {@code DEFAULT value} for a plain default (written as a literal) or a literal default (written as
     * given); {@code NOW} and the UUIDs are filled in by {@code create}, as in Sequelize, and write nothing.
     */
    protected void writeColumnDefault(SqlWriter out, ColumnDefinition column) {
        if (!hasSchemaDefault(column)) {
            return;
        }
        switch (column.defaultValue().get()) {
            case DefaultValue.Value v -> out.sql(" DEFAULT ").literal(toDatabaseValue(column.type(), v.value()));
            case DefaultValue.Literal l -> out.sql(" DEFAULT ").sql(l.sql());
            case DefaultValue.Now n -> { }
            case DefaultValue.UuidV1 u -> { }
            case DefaultValue.UuidV4 u -> { }
        }
    }

    /** Whether the column's definition has a DEFAULT clause: a plain or literal default the column type takes. */
    protected boolean hasSchemaDefault(ColumnDefinition column) {
        return column.defaultValue().exists(d -> d instanceof DefaultValue.Value || d instanceof DefaultValue.Literal)
                && columnTakesDefault(column.type());
    }

    /** Whether a column of this type can have a DEFAULT clause; MySQL's TEXT, BLOB and JSON cannot. */
    protected boolean columnTakesDefault(DataType type) {
        return true;
    }

    /** Whether a foreign key is written on its column ({@code REFERENCES ...}) rather than as a table constraint. */
    public boolean referencesInline(ColumnContext context) {
        return true;
    }

    /** {@code REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE}, with a leading space. */
    public void writeReferenceTarget(SqlWriter out, Reference reference) {
        out.sql(" REFERENCES ").table(reference.table()).sql(" (").identifier(reference.key()).sql(')');
        reference.onDelete().forEach(action -> out.sql(" ON DELETE ").sql(action.sql()));
        reference.onUpdate().forEach(action -> out.sql(" ON UPDATE ").sql(action.sql()));
    }

    /** A comment written in the column definition; only MySQL has them (the others comment after). */
    protected void writeInlineComment(SqlWriter out, String comment) {}

    /** A CHECK on the column; SQL Server's ENUM columns are text with a CHECK of their values. */
    protected void writeColumnCheck(SqlWriter out, ColumnDefinition column) {}

    /** Writes what must run before a CREATE TABLE: PostgreSQL creates its ENUM columns' types. */
    public void writeBeforeCreateTable(SqlWriter out, Statement.CreateTable create) {}

    /** {@code , UNIQUE ("a", "b")}: a composite unique key; MySQL and SQL Server name it. */
    public void writeUniqueKey(SqlWriter out, Statement.UniqueKey key) {
        out.sql(", UNIQUE (");
        writeColumnList(out, key.columns());
        out.sql(')');
    }

    /** Writes what must run after a CREATE TABLE: PostgreSQL's and SQL Server's column comments. */
    public void writeAfterCreateTable(SqlWriter out, Statement.CreateTable create) {}

    /** {@code "a", "b"}. */
    protected static void writeColumnList(SqlWriter out, Iterable<String> columns) {
        boolean first = true;
        for (String column : columns) {
            if (!first) {
                out.sql(", ");
            }
            out.identifier(column);
            first = false;
        }
    }

    /**
     * {@code CREATE [UNIQUE] INDEX "name" ON "table" [USING method] ("a", "b" DESC) [WHERE ...]}, the
     * condition's values written as literals. What a database cannot do is refused ({@link #checkIndex}).
     */
    public void writeCreateIndex(SqlWriter out, Statement.CreateIndex index) {
        checkIndex(index);
        out.sql(index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
        writeIndexName(out, index);
        out.sql(" ON ").table(index.table());
        writeIndexUsing(out, index);
        out.sql(" (");
        writeIndexColumns(out, index);
        out.sql(')');
    }

    /** Refuses what the database cannot do with an index: by default {@code USING} and MySQL's index types. */
    protected void checkIndex(Statement.CreateIndex index) {
        if (index.using().isDefined()) {
            throw unsupported("cannot choose an index method (index '" + index.name() + "' has using: "
                    + index.using().get() + "); PostgreSQL, MySQL and MariaDB can");
        }
        if (index.type().isDefined()) {
            throw unsupported("has no " + index.type().get() + " index (index '" + index.name()
                    + "'); MySQL and MariaDB have FULLTEXT and SPATIAL indexes");
        }
    }

    /**
     * The index name, after {@code CREATE INDEX}, with {@code IF NOT EXISTS} when the index may exist
     * already ({@code sync}); PostgreSQL puts {@code CONCURRENTLY} first.
     */
    protected void writeIndexName(SqlWriter out, Statement.CreateIndex index) {
        if (index.ifNotExists()) {
            out.sql("IF NOT EXISTS ");
        }
        out.identifier(index.name());
    }

    /** {@code USING method} between the table and the columns (PostgreSQL). */
    protected void writeIndexUsing(SqlWriter out, Statement.CreateIndex index) {
        index.using().forEach(method -> out.sql(" USING ").sql(method));
    }

    /** {@code "a", "b" DESC}. */
    protected static void writeIndexColumns(SqlWriter out, Statement.CreateIndex index) {
        boolean first = true;
        for (Statement.IndexColumn column : index.columns()) {
            if (!first) {
                out.sql(", ");
            }
            out.identifier(column.column());
            column.order().forEach(order -> out.sql(' ').sql(order.name()));
            first = false;
        }
    }

    /** {@code DROP INDEX IF EXISTS "name"}; MySQL and SQL Server name the table too. */
    public void writeDropIndex(SqlWriter out, Statement.DropIndex drop) {
        out.sql("DROP INDEX IF EXISTS ").identifier(drop.name());
    }

    /** {@code ALTER TABLE "users" ADD COLUMN "age" INTEGER}. */
    public void writeAddColumn(SqlWriter out, Statement.AddColumn add) {
        out.sql("ALTER TABLE ").table(add.table()).sql(" ADD COLUMN ").identifier(add.column().name()).sql(' ');
        writeColumnDefinition(out, add.table(), add.column(), ColumnContext.ADD_COLUMN);
    }

    /** {@code ALTER TABLE "users" DROP COLUMN "age"}. */
    public void writeRemoveColumn(SqlWriter out, Statement.RemoveColumn remove) {
        out.sql("ALTER TABLE ").table(remove.table()).sql(" DROP COLUMN ").identifier(remove.column());
    }

    /** The column's new definition; each database says it its own way. */
    public abstract void writeChangeColumn(SqlWriter out, Statement.ChangeColumn change);

    /** {@code ALTER TABLE "users" RENAME COLUMN "age" TO "years"}. */
    public void writeRenameColumn(SqlWriter out, Statement.RenameColumn rename) {
        out.sql("ALTER TABLE ").table(rename.table()).sql(" RENAME COLUMN ").identifier(rename.from())
                .sql(" TO ").identifier(rename.to());
    }
    // ---- reading a table's indexes (issue 4: sync stays idempotent without CREATE INDEX IF NOT EXISTS) ----

    /**
     * Whether {@code CREATE INDEX} takes {@code IF NOT EXISTS} here, so that {@code sync} can send its indexes
     * blindly. Where it does not (MySQL), {@code sync} first reads the table's indexes
     * ({@link #writeShowIndexes}) and creates only those missing, as Sequelize's {@code sync} does.
     */
    public boolean createsIndexIfNotExists() {
        return true;
    }

    /**
     * Sequelize's {@code showIndexesQuery}; PostgreSQL's here:
     * {@code SELECT i.relname AS name, ... FROM pg_class t, pg_class i, pg_index ix, pg_attribute a WHERE ... and t.relname = 'users' ...}.
     * The table name is a string literal, as in Sequelize.
     */
    public void writeShowIndexes(SqlWriter out, TableName table) {
        out.sql("SELECT i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique, ix.indkey AS indkey,"
                + " array_agg(a.attnum) as column_indexes, array_agg(a.attname) AS column_names,"
                + " pg_get_indexdef(ix.indexrelid) AS definition FROM pg_class t, pg_class i, pg_index ix, pg_attribute a");
        table.schema().forEach(schema -> out.sql(", pg_namespace s"));
        out.sql(" WHERE t.oid = ix.indrelid AND i.oid = ix.indexrelid AND a.attrelid = t.oid AND t.relkind = 'r' and t.relname = ")
                .stringLiteral(table.name());
        table.schema().forEach(schema -> out.sql(" AND s.oid = t.relnamespace AND s.nspname = ").stringLiteral(schema));
        out.sql(" GROUP BY i.relname, ix.indexrelid, ix.indisprimary, ix.indisunique, ix.indkey ORDER BY i.relname");
    }

    /** The column of {@link #writeShowIndexes}' rows that holds the index name. */
    public String indexNameColumn() {
        return "name";
    }

    // ---- inline literals (SqlRenderer.inline, sequelj render --inline) --------------------------

    /**
     * The one writer of this dialect's SQL literals: every value of an inline rendering, and every
     * string literal the renderers write where SQL takes no parameter, goes through it.
     */
    public abstract LiteralWriter literals();

    // ---- configuration: the timezone option (issue 4, the pluggable seam) ---------------------

    /**
     * Sequelize's {@code timezone}, written once on a fresh copy in {@link #withTimezone} before that copy
     * is handed out, and never changed after.
     */
    private ZoneOffset timezone = ZoneOffset.UTC;

    /**
     * The offset DATE values are written in, Sequelize's {@code timezone} option ({@code +00:00} unless
     * configured). MySQL and MariaDB store a {@code DATETIME} as the wall clock at this offset and read it
     * back at the same offset; PostgreSQL, SQLite and SQL Server write the offset with the value, so the
     * instant survives whatever offset reads it.
     */
    public final ZoneOffset timezone() {
        return timezone;
    }

    /**
     * This dialect writing and reading DATE values at {@code timezone}, as Sequelize's
     * {@code new Sequelize(..., { timezone: '+02:00' })} does; this dialect itself is unchanged.
     *
     * <pre>{@code
     * Dialect berlinWinter = Dialects.MYSQL.withTimezone(ZoneOffset.ofHours(2));
     * berlinWinter.toDatabaseValue(DataTypes.DATE, Instant.parse("2024-01-15T10:30:45Z"));   // 2024-01-15T12:30:45
     * }</pre>
     */
    public final Dialect withTimezone(ZoneOffset timezone) {
        if (timezone == null) {
            throw new IllegalArgumentException("timezone must not be null; ZoneOffset.UTC is Sequelize's default");
        }
        if (timezone.equals(this.timezone)) {
            return this;
        }
        try {
            // Subclasses hold only constants, so a field-by-field copy is a complete one.
            Dialect configured = (Dialect) clone();
            configured.timezone = timezone;
            return configured;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError("Dialect implements Cloneable", e);
        }
    }

    /** Dialects are equal when they are the same database configured alike. */
    @Override
    public final boolean equals(Object other) {
        return other instanceof Dialect dialect && dialect.getClass() == getClass() && dialect.timezone.equals(timezone);
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + timezone.hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
