package dev.sequelj.ast.finder;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.expression.ComparisonOperator;
import dev.sequelj.ast.expression.Expression;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.ast.statement.Lock;
import dev.sequelj.ast.statement.OrderItem;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.ast.statement.OrderItem.Nulls;
import dev.sequelj.ast.statement.SelectColumn;
import dev.sequelj.ast.statement.Statement;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.finder.SqlExpressions.fn;
import static dev.sequelj.ast.finder.SqlExpressions.random;
import static dev.sequelj.ast.finder.SqlExpressions.where;
import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statements the finders build: what is selected, filtered, grouped, ordered, locked, and what is refused. */
class FindStatementsTest {
    private static final Instant NOW = Instant.parse("2024-01-15T10:30:45.123Z");
    private static final ModelDefinition USER = ModelDefinition.define("user", List.of(
            attribute("firstName", DataTypes.STRING).allowNull(false),
            attribute("lastName", DataTypes.STRING).field("last_name"),
            attribute("age", DataTypes.INTEGER)), ModelOptions.options(), word -> word + "s");
    /** A paranoid model, built directly: what {@code define} makes of {@code paranoid: true} is another part's work. */
    private static final ModelDefinition PARANOID = new ModelDefinition(USER.name(), USER.table(),
            USER.attributes().put("deletedAt", attribute("deletedAt", DataTypes.DATE).field("deleted_at")),
            USER.createdAt(), USER.updatedAt(), Option.some("deletedAt"), io.vavr.collection.Vector.empty());

    // ---- findAll and the selection -----------------------------------------------------------------

    @Test
    void findAllSelectsEveryAttributeAliasingRenamedFieldsAndResolvesTheWhere() {
        Statement.Select select = FindStatements.findAll(USER, options().where(Map.of("lastName", "Hancock")));

        assertThat(select.columns()).containsExactly(column("id"), column("firstName"),
                new SelectColumn("last_name", Option.some("lastName")), column("age"), column("createdAt"), column("updatedAt"));
        assertThat(select.where()).isEqualTo(Option.some(new Expression.Comparison(
                qualified("last_name"), ComparisonOperator.EQ, param("Hancock", DataTypes.STRING))));
        assertThat(select.limit()).isEqualTo(Option.none());
        assertThat(select.lock()).isEqualTo(Option.none());
    }

    @Test
    void whereValuesAreCheckedAgainstTheAttributeType() {
        assertThatThrownBy(() -> FindStatements.findAll(USER, options().where(Where.col("age").gt("ten"))))
                .isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("where.age (GT): user.age is INTEGER and cannot take String \"ten\"");
        assertThatThrownBy(() -> FindStatements.findAll(USER, options().where(Map.of("nickname", "x"))))
                .isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("model 'user' has no attribute 'nickname'");
    }

    @Test
    void aListSelectsAttributesAndExpressionsUnderTheirAliases() {
        Expression count = fn("COUNT", SqlExpressions.col("id"));
        Statement.Select select = FindStatements.findAll(USER, options().attributes(
                Selection.of("age").as("years"), Selection.of("lastName"), Selection.of("lastName").as("surname"),
                Selection.of(count).as("n"), Selection.of(SqlExpressions.literal("1"))));

        assertThat(select.columns()).containsExactly(
                new SelectColumn("age", Option.some("years")),
                new SelectColumn("last_name", Option.some("lastName")),
                new SelectColumn("last_name", Option.some("surname")),
                new SelectColumn(count, Option.some("n")),
                new SelectColumn(new Expression.Literal("1"), Option.none()));
    }

    @Test
    void excludeLeavesAttributesOutAndIncludeAddsToTheRest() {
        Expression lower = fn("lower", SqlExpressions.col("firstName"));
        Statement.Select select = FindStatements.findAll(USER,
                options().excludeAttributes("createdAt", "updatedAt", "lastName").includeAttributes(Selection.of(lower).as("low")));

        assertThat(select.columns()).containsExactly(column("id"), column("firstName"), column("age"),
                new SelectColumn(lower, Option.some("low")));
    }

    @Test
    void unknownAttributesAndAnEmptySelectionAreRefused() {
        assertThatThrownBy(() -> FindStatements.findAll(USER, options().attributes("age", "nickname")))
                .isInstanceOf(ValidationError.class)
                .hasMessage("attributes: model 'user' has no attribute 'nickname'; its attributes are id, firstName, lastName,"
                        + " age, createdAt, updatedAt");
        assertThatThrownBy(() -> FindStatements.findAll(USER, options().excludeAttributes("nickname")))
                .isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("attributes.exclude: model 'user' has no attribute 'nickname'");
        assertThatThrownBy(() -> FindStatements.findAll(USER,
                options().excludeAttributes("id", "firstName", "lastName", "age", "createdAt", "updatedAt")))
                .isInstanceOf(ValidationError.class)
                .hasMessage("attributes: model 'user' would select no column; keep at least one attribute");
        assertThatThrownBy(() -> options().attributes(new Selection[0]))
                .isInstanceOf(ValidationError.class).hasMessage("attributes: select at least one attribute");
    }

    // ---- order --------------------------------------------------------------------------------------

    @Test
    void orderNamesAnAliasWhereTheSelectionGivesOneAndTheQualifiedColumnOtherwise() {
        Statement.Select select = FindStatements.findAll(USER, options()
                .attributes(Selection.of("lastName"), Selection.of("age").as("years"), Selection.of("firstName"))
                .order("lastName", Direction.DESC)   // renamed, selected: its alias
                .order("age")                        // selected under an alias: the alias
                .order("years", "asc")               // the alias itself
                .order("firstName", Direction.ASC)   // plain: the qualified column
                .order("id", Direction.DESC));       // not selected: the qualified column

        assertThat(select.order()).containsExactly(
                new OrderItem(unqualified("lastName"), Direction.DESC),
                new OrderItem(unqualified("years"), Option.none(), Option.none()),
                new OrderItem(unqualified("years"), Direction.ASC),
                new OrderItem(qualified("firstName"), Direction.ASC),
                new OrderItem(qualified("id"), Direction.DESC));
    }

    @Test
    void aNullPlacementOnAnAliasOrdersByWhatTheAliasStandsFor() {
        Expression max = fn("MAX", SqlExpressions.col("age"));
        Statement.Select select = FindStatements.findAll(USER, options()
                .attributes(Selection.of("lastName"), Selection.of(max).as("oldest"))
                .group("lastName")
                .order("oldest", "DESC NULLS LAST")
                .order("lastName", Direction.ASC, Nulls.FIRST));

        assertThat(select.order()).containsExactly(
                new OrderItem(max, Option.some(Direction.DESC), Option.some(Nulls.LAST)),
                new OrderItem(qualified("last_name"), Option.some(Direction.ASC), Option.some(Nulls.FIRST)));
    }

    @Test
    void expressionsAreOrderedAsBuilt() {
        Statement.Select select = FindStatements.findAll(USER, options().order(random()).order(fn("length", SqlExpressions.col("firstName")), Direction.DESC));

        assertThat(select.order()).containsExactly(
                new OrderItem(new Expression.Random(), Option.none(), Option.none()),
                new OrderItem(fn("length", SqlExpressions.col("firstName")), Direction.DESC));
    }

    @Test
    void anOrderOnAnUnknownNameOrDirectionIsRefused() {
        assertThatThrownBy(() -> FindStatements.findAll(USER, options().attributes(Selection.of("age").as("years")).order("nickname")))
                .isInstanceOf(ValidationError.class)
                .hasMessage("order: 'nickname' is neither an attribute of model 'user' nor an alias in attributes;"
                        + " attributes are id, firstName, lastName, age, createdAt, updatedAt; aliases are years");
        assertThatThrownBy(() -> options().order("age", "DESC; DROP TABLE users"))
                .isInstanceOf(ValidationError.class)
                .hasMessage("unknown direction 'DESC; DROP TABLE users'; expected one of ASC, DESC, ASC NULLS LAST,"
                        + " DESC NULLS LAST, ASC NULLS FIRST, DESC NULLS FIRST, NULLS FIRST, NULLS LAST");
    }

    @Test
    void theKeyOrderForSqlServerPagingIsThePrimaryKeyOrTheGroupKeysUndirected() {
        assertThat(FindStatements.findAll(USER, options().limit(5)).keyOrder())
                .containsExactly(new OrderItem(qualified("id"), Option.none(), Option.none()));
        assertThat(FindStatements.findAll(USER, options().attributes("lastName").group("lastName").limit(5)).keyOrder())
                .containsExactly(new OrderItem(unqualified("last_name"), Option.none(), Option.none()));
    }

    // ---- group and having ---------------------------------------------------------------------------

    @Test
    void groupKeysAreUnqualifiedColumnsOrExpressions() {
        Expression day = fn("date", SqlExpressions.col("createdAt"));
        Statement.Select select = FindStatements.findAll(USER, options().attributes("lastName").group("lastName").group(day));

        assertThat(select.group()).containsExactly(unqualified("last_name"), day);
        assertThatThrownBy(() -> FindStatements.findAll(USER, options().group("nickname")))
                .isInstanceOf(ValidationError.class).hasMessageStartingWith("group: model 'user' has no attribute 'nickname'");
    }

    @Test
    void havingComparesWhatAnAliasStandsForResolvesAttributesAndKeepsBuiltConditions() {
        Expression count = fn("COUNT", SqlExpressions.col("id"));
        Statement.Select select = FindStatements.findAll(USER, options()
                .attributes(Selection.of("lastName"), Selection.of(count).as("n"))
                .group("lastName")
                .having(Map.of(Op.and, List.of(
                        Map.of("n", Map.of(Op.gt, 1)),
                        Map.of("lastName", Map.of(Op.ne, "Adams")),
                        where(fn("MAX", SqlExpressions.col("age")), Op.lt, 65)))));

        assertThat(select.having()).isEqualTo(Option.some(new Expression.And(Vector.of(
                new Expression.Comparison(count, ComparisonOperator.GT, untyped(1)),
                new Expression.Comparison(qualified("last_name"), ComparisonOperator.NE, param("Adams", DataTypes.STRING)),
                new Expression.Comparison(fn("MAX", SqlExpressions.col("age")), ComparisonOperator.LT, untyped(65))))));
    }

    @Test
    void havingOnANameThatIsNeitherAttributeNorAliasIsRefused() {
        assertThatThrownBy(() -> FindStatements.findAll(USER, options().attributes("age").group("age")
                .having(Map.of("n", Map.of("$gt", 1)))))
                .isInstanceOf(ValidationError.class)
                .hasMessage("having.n: neither an attribute of model 'user' nor an alias in attributes; attributes are id,"
                        + " firstName, lastName, age, createdAt, updatedAt");
        assertThatThrownBy(() -> options().having(Map.of("n", Map.of("$gtt", 1))))
                .isInstanceOf(ValidationError.class).hasMessageStartingWith("having.n.$gtt: unknown operator; did you mean $gt?");
    }

    // ---- findOne and findByPk -------------------------------------------------------------------------

    @Test
    void findOneLeavesOutLimitOneForASingleColumnUniqueAttributeSetPlainly() {
        ModelDefinition account = ModelDefinition.define("account", List.of(
                attribute("email", DataTypes.STRING).unique(true),
                attribute("handle", DataTypes.STRING).unique("by_handle"),
                attribute("first", DataTypes.STRING).unique("full_name"),
                attribute("last", DataTypes.STRING).unique("full_name"),
                attribute("age", DataTypes.INTEGER)), ModelOptions.options(), word -> word + "s");

        assertThat(FindStatements.findOne(account, options().where(Map.of("email", "a@b.c"))).limit()).isEqualTo(Option.none());
        assertThat(FindStatements.findOne(account, options().where(Map.of("handle", "ann"))).limit())
                .as("a named unique key of one column").isEqualTo(Option.none());
        assertThat(FindStatements.findOne(account, options().where(Map.of("first", "Ann"))).limit())
                .as("one column of a composite key").isEqualTo(Option.some(1));
        assertThat(FindStatements.findOne(account, options().where(Map.of("email", Map.of("$eq", "a@b.c")))).limit())
                .as("set through an operator").isEqualTo(Option.some(1));
        assertThat(FindStatements.findOne(account, options().where(Map.of("age", 3))).limit()).isEqualTo(Option.some(1));
    }

    @Test
    void findOneLeavesOutLimitOneOnlyWhenTheKeyIsSetPlainlyAtTheTop() {
        assertThat(FindStatements.findOne(USER, options().where(Map.of("firstName", "John"))).limit()).isEqualTo(Option.some(1));
        assertThat(FindStatements.findOne(USER, options().where(Map.of("id", 5))).limit()).isEqualTo(Option.none());
        assertThat(FindStatements.findOne(USER, options().where(Map.of("id", 5, "age", 3))).limit()).isEqualTo(Option.none());
        assertThat(FindStatements.findOne(USER, options().where(Map.of("id", Map.of("$eq", 5)))).limit()).isEqualTo(Option.some(1));
        assertThat(FindStatements.findOne(USER, options().where(Map.of("$and", List.of(Map.of("id", 5))))).limit())
                .isEqualTo(Option.some(1));
        assertThat(FindStatements.findOne(USER, options().where(Map.of("id", List.of(5)))).limit()).isEqualTo(Option.some(1));
        Map<String, Object> keyIsNull = new HashMap<>();
        keyIsNull.put("id", null);
        assertThat(FindStatements.findOne(USER, options().where(keyIsNull)).limit()).isEqualTo(Option.some(1));
        assertThat(FindStatements.findOne(USER, options().where(Where.col("id").eq(5))).limit()).isEqualTo(Option.some(1));
        assertThat(FindStatements.findOne(USER, options().where(Map.of("firstName", "John")).limit(3)).limit()).isEqualTo(Option.some(3));
    }

    @Test
    void findByPkFindsOneByTheKeyAndNothingForNull() {
        Statement.Select select = FindStatements.findByPk(USER, 7, options().attributes("age")).get();

        assertThat(select.where()).isEqualTo(Option.some(new Expression.Comparison(qualified("id"), ComparisonOperator.EQ,
                param(7, DataTypes.INTEGER))));
        assertThat(select.limit()).isEqualTo(Option.none());
        assertThat(select.columns()).containsExactly(column("age"));
        assertThat(FindStatements.findByPk(USER, null, options())).isEqualTo(Option.none());
    }

    @Test
    void findByPkRefusesAWhereAWrongKeyAndACompositeKey() {
        assertThatThrownBy(() -> FindStatements.findByPk(USER, 7, options().where(Map.of("age", 3))))
                .isInstanceOf(ValidationError.class)
                .hasMessage("findByPk: the primary key is the where clause; leave out where (Sequelize would replace it), or use findOne");
        assertThatThrownBy(() -> FindStatements.findByPk(USER, "seven", options()))
                .isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("findByPk: user.id is INTEGER and cannot take String \"seven\"");
        assertThatThrownBy(() -> FindStatements.findByPk(USER, new java.util.ArrayList<>(List.of(7)), options()))
                .isInstanceOf(ValidationError.class)
                .hasMessage("findByPk: the key must be a single value of user.id, got list [7]");
        ModelDefinition composite = ModelDefinition.define("pair", List.of(
                attribute("a", DataTypes.INTEGER).primaryKey(true), attribute("b", DataTypes.INTEGER).primaryKey(true)),
                ModelOptions.options().timestamps(false));
        assertThatThrownBy(() -> FindStatements.findByPk(composite, 1, options()))
                .isInstanceOf(ValidationError.class)
                .hasMessage("findByPk: model 'pair' has a primary key of 2 attributes (a, b); use findOne with a where on each of them");
    }

    // ---- findOrCreate and findAndCountAll ---------------------------------------------------------------

    @Test
    void findOrCreateCreatesFromTheWheresValuesWithDefaultsWinning() {
        FindOrCreate call = FindStatements.findOrCreate(USER,
                options().where(Map.of("firstName", "John", "lastName", "Hancock")),
                Map.of("lastName", "Adams", "age", 30), NOW);

        assertThat(call.find()).isEqualTo(FindStatements.findOne(USER, options().where(Map.of("firstName", "John", "lastName", "Hancock"))));
        assertThat(call.create().columns()).containsExactly("firstName", "last_name", "age", "createdAt", "updatedAt");
        assertThat(call.create().values().map(v -> ((Expression.Param) v).value())).containsExactly("John", "Adams", 30, NOW, NOW);
        assertThat(call.statements()).containsExactly(call.find(), call.create());
    }

    @Test
    void findOrCreateNeedsAWhereAndAValueForEveryConditionedAttribute() {
        assertThatThrownBy(() -> FindStatements.findOrCreate(USER, options(), Map.of("firstName", "John"), NOW))
                .isInstanceOf(ValidationError.class).hasMessageStartingWith("findOrCreate needs a where");
        assertThatThrownBy(() -> FindStatements.findOrCreate(USER,
                options().where(Map.of("firstName", "John", "age", Map.of(Op.gte, 18))), Map.of(), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("findOrCreate: where.age is a condition (an operator map or a list), not a value, so the row to"
                        + " create has none for it; give age in defaults");
        assertThat(FindStatements.findOrCreate(USER, options().where(Map.of("firstName", "John", "age", Map.of(Op.gte, 18))),
                Map.of("age", 18), NOW).create().columns()).containsExactly("firstName", "age", "createdAt", "updatedAt");
        assertThatThrownBy(() -> FindStatements.findOrCreate(USER, options().where(Map.of("age", 3)), Map.of(), NOW))
                .isInstanceOf(ValidationError.class)
                .hasMessage("findOrCreate (the row to create): notNull Violation: user.firstName cannot be null (no value was given)");
    }

    @Test
    void findAndCountAllCountsEveryMatchingRowThenSelectsThePage() {
        FindOptions page = options().where(Map.of("age", 3)).attributes("firstName").order("age", Direction.DESC).limit(10).offset(20);
        FindAndCountAll call = FindStatements.findAndCountAll(USER, page);

        assertThat(call.count()).isEqualTo(FindStatements.count(USER, options().where(Map.of("age", 3))));
        assertThat(call.rows()).isEqualTo(FindStatements.findAll(USER, page));
        assertThat(call.statements()).containsExactly(call.count(), call.rows());
    }

    // ---- aggregates ---------------------------------------------------------------------------------------

    @Test
    void countCountsRowsAColumnOrDistinctValuesWithoutPaging() {
        assertThat(FindStatements.count(USER, options().order("age").limit(5).offset(1)))
                .isEqualTo(select(Vector.of(aggregate("count", new Expression.ColumnName(Vector.of("*"))))));
        assertThat(FindStatements.count(USER, options().col("lastName")).columns())
                .containsExactly(aggregate("count", new Expression.ColumnName(Vector.of("last_name"))));
        assertThat(FindStatements.count(USER, options().distinct(true)).columns()).containsExactly(aggregate("count",
                new Expression.FunctionCall("DISTINCT", Vector.of(new Expression.ColumnName(Vector.of("id"))))));
        assertThat(FindStatements.count(USER, options().group("lastName")).columns()).containsExactly(
                new SelectColumn("last_name", Option.some("lastName")), aggregate("count", new Expression.ColumnName(Vector.of("*"))));
    }

    @Test
    void maxMinAndSumAggregateAnAttributesColumn() {
        Expression age = new Expression.ColumnName(Vector.of("age"));
        assertThat(FindStatements.max(USER, "age", options()).columns()).containsExactly(aggregate("max", age));
        assertThat(FindStatements.min(USER, "lastName", options()).columns())
                .containsExactly(aggregate("min", new Expression.ColumnName(Vector.of("last_name"))));
        assertThat(FindStatements.sum(USER, "age", options().distinct(true)).columns())
                .containsExactly(aggregate("sum", new Expression.FunctionCall("DISTINCT", Vector.of(age))));
        assertThatThrownBy(() -> FindStatements.sum(USER, "nickname", options()))
                .isInstanceOf(ValidationError.class).hasMessageStartingWith("aggregate: model 'user' has no attribute 'nickname'");
        assertThatThrownBy(() -> FindStatements.max(USER, "age", options().excludeAttributes("age")))
                .isInstanceOf(ValidationError.class).hasMessageStartingWith("max: attributes {include, exclude} do not apply");
    }

    // ---- lock, paranoid, raw ------------------------------------------------------------------------------

    @Test
    void theLockIsCarriedAndRawChangesNothing() {
        assertThat(FindStatements.findAll(USER, options().lock(Lock.SHARE)).lock()).isEqualTo(Option.some(Lock.SHARE));
        assertThat(FindStatements.findAll(USER, options().raw(true))).isEqualTo(FindStatements.findAll(USER, options()));
        assertThat(FindStatements.findAll(USER, options().distinct(true))).isEqualTo(FindStatements.findAll(USER, options()));
    }

    @Test
    void aParanoidModelsFindersSkipDeletedRowsUnlessParanoidIsOff() {
        Expression notDeleted = new Expression.IsNull(qualified("deleted_at"), false);
        Expression ageIsThree = new Expression.Comparison(qualified("age"), ComparisonOperator.EQ, param(3, DataTypes.INTEGER));

        assertThat(FindStatements.findAll(PARANOID, options()).where()).isEqualTo(Option.some(notDeleted));
        assertThat(FindStatements.findAll(PARANOID, options().where(Map.of("age", 3))).where())
                .isEqualTo(Option.some(new Expression.And(Vector.of(notDeleted, ageIsThree))));
        assertThat(FindStatements.count(PARANOID, options()).where()).isEqualTo(Option.some(notDeleted));
        assertThat(FindStatements.findByPk(PARANOID, 1, options()).get().where()).isEqualTo(Option.some(new Expression.And(
                Vector.of(notDeleted, new Expression.Comparison(qualified("id"), ComparisonOperator.EQ, param(1, DataTypes.INTEGER))))));
        assertThat(FindStatements.findAll(PARANOID, options().where(Map.of("age", 3)).paranoid(false)).where())
                .isEqualTo(Option.some(ageIsThree));
        assertThat(FindStatements.findAll(PARANOID, options().paranoid(false)).where()).isEqualTo(Option.none());
    }

    @Test
    void negativeLimitsAndOffsetsAreRefused() {
        assertThatThrownBy(() -> options().limit(-1)).isInstanceOf(ValidationError.class)
                .hasMessage("limit must be 0 or more, got -1");
        assertThatThrownBy(() -> options().offset(-5)).isInstanceOf(ValidationError.class)
                .hasMessage("offset must be 0 or more, got -5");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Statement.Select select(Vector<SelectColumn> columns) {
        return new Statement.Select(columns, USER.table(), "user", Option.none(), Vector.empty(), Option.none(),
                Vector.empty(), Option.none(), Option.none(), Vector.of(new OrderItem(qualified("id"), Option.none(), Option.none())),
                Option.none());
    }

    private static SelectColumn aggregate(String function, Expression argument) {
        return new SelectColumn(new Expression.FunctionCall(function, Vector.of(argument)), Option.some(function));
    }

    private static SelectColumn column(String name) {
        return new SelectColumn(name, Option.none());
    }

    private static Expression.Column qualified(String field) {
        return new Expression.Column(Option.some("user"), field);
    }

    private static Expression.Column unqualified(String name) {
        return new Expression.Column(Option.none(), name);
    }

    private static Expression.Param param(Object value, DataType type) {
        return new Expression.Param(value, Option.some(type));
    }

    private static Expression.Param untyped(Object value) {
        return new Expression.Param(value, Option.none());
    }

}
