package dev.sequelj.executor.request;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.Attribute;
import dev.sequelj.ast.model.DataType;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.DefaultValue;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.model.Reference;
import dev.sequelj.ast.model.ReferentialAction;
import dev.sequelj.ast.statement.Statement;
import dev.sequelj.ast.statement.TableName;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DDL side of the request form: types, attribute and model options, sync, drop and the queryInterface methods. */
class ModelsAndTablesReaderTest {
    private static final RequestReader READER = RequestReader.atOracleTime();

    private static ModelCall read(String json) {
        return READER.read(json);
    }

    private static ModelDefinition model(String attributes, String options) {
        return read("{\"models\": {\"thing\": {\"attributes\": " + attributes + ", \"options\": " + options + "}},"
                + " \"model\": \"thing\", \"method\": \"sync\"}").model();
    }

    private static DataType type(String spec) {
        return DataTypeReader.type(spec, "t");
    }

    @Test
    void typeSpecsReadAsTheOracleEvaluatesThem() {
        assertThat(type("STRING(100).BINARY")).isEqualTo(DataTypes.STRING(100).BINARY());
        assertThat(type("DataTypes.INTEGER(11).UNSIGNED.ZEROFILL")).isEqualTo(DataTypes.INTEGER(11).UNSIGNED().ZEROFILL());
        assertThat(type("DECIMAL(10, 2)")).isEqualTo(DataTypes.DECIMAL(10, 2));
        assertThat(type("TEXT('long')")).isEqualTo(DataTypes.TEXT(DataType.TextSize.LONG));
        assertThat(type("BLOB(\"tiny\")")).isEqualTo(DataTypes.BLOB(DataType.TextSize.TINY));
        assertThat(type("DATE(3)")).isEqualTo(DataTypes.DATE(3));
        assertThat(type("ENUM('a', \"b\", 'it\\'s')")).isEqualTo(DataTypes.ENUM("a", "b", "it's"));
        assertThat(type("ARRAY(DataTypes.ARRAY(DataTypes.STRING(20)))")).isEqualTo(DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.STRING(20))));
        assertThat(type("FLOAT(10,2).UNSIGNED")).isEqualTo(DataTypes.FLOAT(10, 2).UNSIGNED());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            STRING(1,2)          | t: STRING takes at most 1 number, got 2
            STRING.UNSIGNED      | t: UNSIGNED applies to the number types, not STRING(255)
            INTEGER.BINARY       | t: BINARY applies to STRING and CHAR, not INTEGER
            INTEGER.UNSIGNEDD    | t: unknown flag .UNSIGNEDD; expected .UNSIGNED, .ZEROFILL or .BINARY
            TEXT('huge')         | t: TEXT('huge'): the length is 'tiny', 'medium' or 'long'
            ENUM(1)              | t: ENUM takes quoted strings, e.g. ENUM('active', 'archived'); got 1
            ARRAY                | t: ARRAY takes one element type, e.g. ARRAY(DataTypes.INTEGER)
            ENUM('a'             | t: expected ',' or ')' in the arguments of ENUM in 'ENUM('a''
            BOOLEAN(1)           | t: BOOLEAN takes no arguments
            UUIDV4               | ~t: UUIDV4 is a default value, not a column type; write {"type": "UUID", "defaultValue": {"$fn": "UUIDV4"}}~
            INTEGER extra        | t: unexpected 'extra' in type 'INTEGER extra'
            DATE(9)              | t: DATE(9): the precision must be between 0 and 6
            """)
    void badTypeSpecsNameThePathAndWhatIsValid(String spec, String message) {
        assertThatThrownBy(() -> type(spec)).isInstanceOf(ValidationError.class).hasMessage(message);
    }

    @Test
    void attributeOptionsAndTypedDefaults() {
        ModelDefinition model = model("""
                {"id": {"type": "UUID", "primaryKey": true, "defaultValue": {"$fn": "UUIDV4"}},
                 "price": {"type": "DECIMAL(10,2)", "allowNull": false, "defaultValue": "9.99", "comment": "in EUR"},
                 "day": {"type": "DATEONLY", "defaultValue": "2024-01-15"},
                 "opens": {"type": "TIME", "defaultValue": "09:00:00"},
                 "meta": {"type": "JSON", "defaultValue": {"a": [1]}},
                 "stamp": {"type": "DATE", "defaultValue": {"$literal": "CURRENT_TIMESTAMP"}},
                 "first": {"type": "STRING", "unique": "full", "field": "first_name"},
                 "last": {"type": "STRING", "unique": "full"},
                 "status": {"type": "ENUM", "values": ["on", "off"], "defaultValue": "on"}}""", "{\"timestamps\": false}");
        assertThat(model.attribute("id").defaultValue()).isEqualTo(Option.some(DataTypes.UUIDV4));
        assertThat(model.attribute("price").defaultValue()).isEqualTo(Option.some(new DefaultValue.Value(new BigDecimal("9.99"))));
        assertThat(model.attribute("price").comment()).isEqualTo(Option.some("in EUR"));
        assertThat(model.attribute("day").defaultValue()).isEqualTo(Option.some(new DefaultValue.Value(LocalDate.of(2024, 1, 15))));
        assertThat(model.attribute("opens").defaultValue()).isEqualTo(Option.some(new DefaultValue.Value(LocalTime.of(9, 0))));
        assertThat(model.attribute("meta").defaultValue()).isEqualTo(Option.some(new DefaultValue.Value(Map.of("a", List.of(1)))));
        assertThat(model.attribute("stamp").defaultValue()).isEqualTo(Option.some(new DefaultValue.Literal("CURRENT_TIMESTAMP")));
        assertThat(model.uniqueKeys().get("full").get().map(Attribute::field).toJavaList()).containsExactly("first_name", "last");
        assertThat(model.attribute("status").type()).isEqualTo(DataTypes.ENUM("on", "off"));
    }

    @Test
    void referencesResolveAModelOrItsTableToTheTableAndKey() {
        ModelCall call = read("""
                {"models": {
                   "user": {"attributes": {"teamId": {"type": "INTEGER", "references": {"model": "team"}, "onDelete": "cascade"},
                                           "coachCode": {"type": "STRING", "references": {"model": "coaches"}, "onUpdate": "SET NULL"},
                                           "regionId": {"type": "INTEGER", "references": {"model": {"tableName": "regions", "schema": "geo"}, "key": "rid"}}}},
                   "team": {"attributes": {"name": "STRING"}, "options": {"schema": "club"}},
                   "coach": {"attributes": {"code": {"type": "STRING", "primaryKey": true}}}},
                 "model": "user", "method": "sync"}""");
        ModelDefinition user = call.model();
        assertThat(user.attribute("teamId").references()).isEqualTo(Option.some(
                Reference.to(new TableName(Option.some("club"), "teams"), "id").onDelete(ReferentialAction.CASCADE)));
        assertThat(user.attribute("coachCode").references()).isEqualTo(Option.some(
                Reference.to(TableName.of("coaches"), "code").onUpdate(ReferentialAction.SET_NULL)));
        assertThat(user.attribute("regionId").references()).isEqualTo(Option.some(
                Reference.to(new TableName(Option.some("geo"), "regions"), "rid")));
    }

    @Test
    void modelOptionsReachTheDefinition() {
        ModelDefinition model = model("{\"firstName\": \"STRING\"}", """
                {"underscored": true, "paranoid": true, "createdAt": "madeAt", "updatedAt": false, "schema": "app",
                 "indexes": [{"fields": ["firstName"], "unique": true, "where": {"madeAt": {"$gt": "2024-01-01T00:00:00Z"}}}]}""");
        assertThat(model.table()).isEqualTo(new TableName(Option.some("app"), "things"));
        assertThat(model.createdAt()).isEqualTo(Option.some("madeAt"));
        assertThat(model.attribute("madeAt").field()).isEqualTo("made_at");
        assertThat(model.deletedAt()).isEqualTo(Option.some("deletedAt"));
        assertThat(model.indexes()).hasSize(1);
        assertThat(model.indexes().head().where()).isNotEmpty();
    }

    @Test
    void syncDropAndQueryInterfaceCallsReadIntoTheirStatements() {
        String models = "\"models\": {\"user\": {\"attributes\": {\"firstName\": \"STRING\"}, \"options\": {\"indexes\": [{\"fields\": [\"firstName\"]}]}}}, \"model\": \"user\"";
        assertThat(read("{" + models + ", \"method\": \"sync\", \"args\": [{\"force\": true}]}").statements())
                .map(s -> (Class) s.getClass())
                .containsExactly(Statement.DropTable.class, Statement.CreateTable.class, Statement.CreateIndex.class);
        assertThat(read("{" + models + ", \"method\": \"queryInterface.addIndex\", \"args\": [{\"tableName\": \"users\", \"schema\": \"app\"}, [\"a\", {\"name\": \"b\", \"order\": \"desc\"}], {\"unique\": true}]}")
                .statements().get(0)).isEqualTo(new Statement.CreateIndex(new TableName(Option.some("app"), "users"), "users_a_b",
                io.vavr.collection.Vector.of(new Statement.IndexColumn("a", Option.none()),
                        new Statement.IndexColumn("b", Option.some(dev.sequelj.ast.statement.OrderItem.Direction.DESC))),
                true, Option.none(), Option.none(), Option.none(), false, false));
        Statement.AddColumn add = (Statement.AddColumn) read("{" + models + ", \"method\": \"queryInterface.addColumn\", \"args\": [\"posts\", \"authorId\","
                + " {\"type\": \"INTEGER\", \"references\": {\"model\": \"user\"}, \"onDelete\": \"CASCADE\"}]}").statements().get(0);
        assertThat(add.column().references()).isEqualTo(Option.some(Reference.to(TableName.of("users"), "id").onDelete(ReferentialAction.CASCADE)));
        assertThat(read("{" + models + ", \"method\": \"queryInterface.removeIndex\", \"args\": [\"users\", [\"a\", \"b\"]]}").statements())
                .containsExactly(new Statement.DropIndex(TableName.of("users"), "users_a_b"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            unknown reference   | {"models": {"user": {"attributes": {"teamId": {"type": "INTEGER", "references": {"model": "teem"}}}}}, "model": "user", "method": "sync"} | ~models.user.attributes.teamId.references.model: references an unknown model 'teem'; defined models: user (tables: users); or name any table as {"tableName": "..."}~
            actions without key | {"models": {"user": {"attributes": {"teamId": {"type": "INTEGER", "onDelete": "CASCADE"}}}}, "model": "user", "method": "sync"} | ~models.user.attributes.teamId: onDelete and onUpdate belong to a foreign key; add references: {"model": ..., "key": ...}~
            default wrong type  | {"models": {"user": {"attributes": {"age": {"type": "INTEGER", "defaultValue": "x"}}}}, "model": "user", "method": "sync"} | models.user.attributes.age: user.age (defaultValue) is INTEGER and cannot take String "x"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits
            default bad date    | {"models": {"user": {"attributes": {"day": {"type": "DATEONLY", "defaultValue": "tomorrow"}}}}, "model": "user", "method": "sync"} | models.user.attributes.day.defaultValue: 'tomorrow' is not a date such as 2024-01-15
            unknown default fn  | {"models": {"user": {"attributes": {"at": {"type": "DATE", "defaultValue": {"$fn": "NOWW"}}}}}, "model": "user", "method": "sync"} | ~models.user.attributes.at.defaultValue.$fn: unknown default 'NOWW'; did you mean NOW?; a default function is NOW, UUIDV1 or UUIDV4 (or {"$literal": "SQL"})~
            unique not a name   | {"models": {"user": {"attributes": {"a": {"type": "STRING", "unique": 1}}}}, "model": "user", "method": "sync"} | models.user.attributes.a.unique: expected true, false or the name of a composite unique key, got number 1
            stamp not a name    | {"models": {"user": {"attributes": {}, "options": {"createdAt": 1}}}, "model": "user", "method": "sync"} | models.user.options.createdAt: expected false (no createdAt) or the attribute's name, got number 1
            index option        | {"models": {"user": {"attributes": {"a": "STRING"}, "options": {"indexes": [{"fields": ["a"], "uniq": true}]}}}, "model": "user", "method": "sync"} | models.user.options.indexes[0].uniq: unknown index option; did you mean unique?
            index method        | {"models": {"user": {"attributes": {"a": "STRING"}, "options": {"indexes": [{"fields": ["a"], "using": "FAST"}]}}}, "model": "user", "method": "sync"} | models.user.options.indexes[0]: unknown index method 'FAST'; expected one of BRIN, BTREE, GIN, GIST, HASH, SPGIST
            index where         | {"models": {"user": {"attributes": {"a": "STRING"}, "options": {"indexes": [{"fields": ["a"], "where": {"b": 1}}]}}}, "model": "user", "method": "sync"} | models.user.options.indexes[0].where.b: model 'user' has no attribute 'b'; did you mean a?; its attributes are id, a, createdAt, updatedAt
            values with a type  | {"models": {"user": {"attributes": {"a": {"type": "STRING", "values": ["x"]}}}}, "model": "user", "method": "sync"} | ~models.user.attributes.a.values: values belong to an ENUM written without its own values, {"type": "ENUM", "values": [...]}~
            qi arity            | {"models": {"user": {"attributes": {}}}, "model": "user", "method": "queryInterface.renameColumn", "args": ["users", "a"]} | args: queryInterface.renameColumn takes [table, oldName, newName]; got 2 arguments
            qi table            | {"models": {"user": {"attributes": {}}}, "model": "user", "method": "queryInterface.removeColumn", "args": [{"table": "users"}, "a"]} | args[0].table: unknown key; expected one of tableName, schema
            qi index target     | {"models": {"user": {"attributes": {}}}, "model": "user", "method": "queryInterface.removeIndex", "args": ["users", 3]} | args[1]: expected an index name or an array of fields, got number 3
            qi two option sets  | {"models": {"user": {"attributes": {}}}, "model": "user", "method": "queryInterface.addIndex", "args": ["users", {"fields": ["a"]}, {}]} | args: addIndex takes [table, fields, options] or [table, options], not two option objects
            qi fields twice     | {"models": {"user": {"attributes": {}}}, "model": "user", "method": "queryInterface.addIndex", "args": ["users", ["a"], {"fields": ["b"]}]} | args[2].fields: the fields are already given as args[1]
            """)
    void mistakesNameTheirPath(String mistake, String request, String message) {
        assertThatThrownBy(() -> read(request)).isInstanceOf(ValidationError.class).hasMessage(message);
    }

    @Test
    void syncAlterIsRefusedAsAFeatureNamingTheOption() {
        assertThatThrownBy(() -> read("{\"models\": {\"user\": {\"attributes\": {}}}, \"model\": \"user\", \"method\": \"sync\", \"args\": [{\"alter\": true}]}"))
                .isInstanceOf(dev.sequelj.ast.error.UnsupportedFeatureError.class)
                .hasMessage("args[0].alter: sync({alter: true}) compares the model with the table the database describes, which Sequelj"
                        + " does not read; use sync({force: true}) or the queryInterface methods (addColumn, changeColumn, removeColumn, renameColumn)");
    }

    @Test
    void uuidDefaultsReadTextAsAUuid() {
        ModelDefinition model = model("{\"ref\": {\"type\": \"UUID\", \"defaultValue\": \"00000000-0000-4000-8000-000000000009\"}}", "{}");
        assertThat(model.attribute("ref").defaultValue())
                .isEqualTo(Option.some(new DefaultValue.Value(UUID.fromString("00000000-0000-4000-8000-000000000009"))));
    }
}
