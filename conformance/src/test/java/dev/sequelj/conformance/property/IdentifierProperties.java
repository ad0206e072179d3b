package dev.sequelj.conformance.property;

import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.finder.Where;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.render.Sql;
import dev.sequelj.render.SqlRenderer;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any identifier string, quoted, reads back as itself. Offline, for every dialect: quoting a name and
 * reading it back by the database's own rule ({@link QuoteRule}) gives the name, the quotes balanced;
 * and every name in a rendered statement reads back as one of the model's names. Live, on embedded
 * SQLite: a table and columns with hostile names, created, filled and queried through rendered SQL,
 * are named in SQLite's catalog and in the result's column labels exactly as the model names them.
 */
class IdentifierProperties {
    private static SqliteMemory db;

    @BeforeContainer
    static void open() throws SQLException {
        db = SqliteMemory.open();
    }

    @AfterContainer
    static void close() throws SQLException {
        db.close();
    }

    @Property(tries = 1000)
    void aQuotedNameReadsBackAsItself(@ForAll("namesWithNul") String name) {
        for (Dialect dialect : Dialects.all()) {
            StringBuilder quoted = new StringBuilder();
            dialect.quoteIdentifier(quoted, name);
            QuoteRule rule = QuoteRule.of(dialect);
            assertThat(SqlScanner.scan(quoted.toString(), rule))
                    .as("%s: %s read back", dialect, quoted)
                    .containsExactly(new SqlScanner.Token(SqlScanner.Kind.IDENTIFIER, name));
            assertThat(quoted.toString()).as("%s", dialect).isEqualTo(rule.quote(name));
        }
    }

    @Property(tries = 1000)
    void everyNameInAStatementReadsBackAsOneOfTheModels(@ForAll("calls") ModelCallSpec call) {
        ModelDefinition model = call.model();
        Set<String> names = new HashSet<>(List.of(model.tableName(), model.name()));
        for (Attribute attribute : model.attributeList()) {
            names.add(attribute.name());
            names.add(attribute.field());
        }
        for (Dialect dialect : Dialects.all()) {
            Sql sql = SqlRenderer.render(call.build(), dialect);
            List<String> identifiers = identifiers(sql.text(), QuoteRule.of(dialect));
            assertThat(identifiers).as("%s: names in %s", dialect, sql.text())
                    .contains(model.tableName())
                    .allMatch(names::contains);
        }
    }

    /**
     * Found at 20,000 tries (seed -8737529087332656480): a table named backslash + line feed. SQL Server's
     * {@code OBJECT_ID} literal holds the quoted name, and its literal writer splices the line feed out of
     * the quotes ({@code (N'[\' + NCHAR(10) + N']')}), because a backslash before a line break is a line
     * continuation there. The SQL was right; reading the literal piece by piece cut the name in two.
     */
    @Example
    void aTableNameSplicedInsideSqlServersObjectIdReadsBackWhole() {
        ModelDefinition model = ModelDefinition.define("\"", List.of(), ModelOptions.options().tableName("\\\n"));
        everyNameInAStatementReadsBackAsOneOfTheModels(new ModelCallSpec.Sync(model));
        everyNameInAStatementReadsBackAsOneOfTheModels(new ModelCallSpec.Drop(model, true));
        String sync = SqlRenderer.render(TableStatements.createTable(model), Dialects.MSSQL).text();
        assertThat(sync).startsWith("IF OBJECT_ID((N'[\\' + NCHAR(10) + N']'), 'U') IS NULL CREATE TABLE [\\\n] (");
    }

    @Property(tries = 1000)
    void sqliteNamesTablesAndColumnsAsTheModelDoes(@ForAll("rows") Row row) throws SQLException {
        ModelDefinition model = row.model();
        try {
            db.execute(sqlite(TableStatements.createTable(model)));
            assertThat(db.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'sqlite_sequence'").rows())
                    .as("tables").containsExactly(List.of(model.tableName()));
            assertThat(db.query("SELECT name FROM pragma_table_info(?)", model.tableName()).rows())
                    .as("columns").containsExactlyElementsOf(model.attributeList().map(a -> List.<Object>of(a.field())));

            db.execute(sqlite(WriteStatements.create(model, row.values(), row.now())));
            SqliteMemory.Rows found = db.query(sqlite(FindStatements.findAll(model, FindOptions.options().where(matching(row)))));
            assertThat(found.labels()).as("labels").containsExactlyElementsOf(model.attributeList().map(Attribute::name));
            assertThat(found.rows()).as("rows").hasSize(1);
            List<Object> read = found.rows().getFirst();
            for (int i = 0; i < read.size(); i++) {
                Attribute attribute = model.attributeList().get(i);
                if (row.values().containsKey(attribute.name())) {
                    assertThat(Dialects.SQLITE.fromDatabaseValue(attribute.type(), read.get(i))).as(attribute.name())
                            .isEqualTo(row.values().get(attribute.name()));
                }
            }
        } finally {
            db.rollback();
        }
    }

    /** A model and one row of it. */
    record Row(ModelDefinition model, Map<String, Object> values, Instant now) {}

    @Provide
    Arbitrary<String> namesWithNul() {
        return ValueArbitraries.hostileStringsWithNul();
    }

    @Provide
    Arbitrary<ModelCallSpec> calls() {
        return CallArbitraries.calls();
    }

    @Provide
    Arbitrary<Row> rows() {
        return ModelArbitraries.models().flatMap(model -> CallArbitraries.creates(model).map(c -> new Row(model, c.values(), c.now())));
    }

    /** Every given value, compared with its attribute: the row's own condition, naming every hostile column. */
    private static Expression matching(Row row) {
        List<Expression> conditions = new ArrayList<>();
        // A name with '.', '[' or '::' reads as a JSON path in a where key (as in Sequelize): not usable here.
        row.values().forEach((name, value) -> {
            if (!FindArbitraries.readsAsJsonPath(name)) {
                conditions.add(Where.col(name).eq(value));
            }
        });
        return Where.and(conditions.toArray(Expression[]::new));
    }

    /**
     * The names quoted in {@code sql}, including those quoted inside string literals (SQL Server's
     * OBJECT_ID), each string read whole even where the literal writer spliced it around a character
     * that cannot stand inside quotes ({@link SqlScanner#scanStrings}).
     */
    private static List<String> identifiers(String sql, QuoteRule rule) {
        List<String> names = new ArrayList<>();
        for (SqlScanner.Token token : SqlScanner.scanStrings(sql, rule)) {
            switch (token.kind()) {
                case IDENTIFIER -> names.add(token.value());
                case LITERAL -> names.addAll(identifiers(token.value(), rule));
                case SQL -> { }
            }
        }
        return names;
    }

    private static Sql sqlite(Statement statement) {
        return SqlRenderer.render(statement, Dialects.SQLITE);
    }
}
