package dev.sequelj.ast.model;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.statement.TableName;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model options and attribute options {@link ModelDefinition#define} gives Sequelize's meaning. */
class ModelOptionsSemanticsTest {
    private static final List<Attribute> NAME = List.of(attribute("firstName", DataTypes.STRING));

    private static ModelDefinition define(List<Attribute> attributes, ModelOptions options) {
        return ModelDefinition.define("user", attributes, options);
    }

    private static List<String> columns(ModelDefinition model) {
        return model.attributeList().map(Attribute::field).toJavaList();
    }

    @Test
    void renamedAndDisabledTimestampsAreNamedByTheAccessorsOthersRead() {
        ModelDefinition model = define(NAME, ModelOptions.options().createdAt("joinedAt").updatedAt(false));
        assertThat(model.attributes().keySet().toJavaList()).containsExactly("id", "firstName", "joinedAt");
        assertThat(model.createdAt()).isEqualTo(Option.some("joinedAt"));
        assertThat(model.updatedAt()).isEqualTo(Option.none());
        assertThat(model.attribute("joinedAt").allowNull()).isFalse();
        assertThat(model.timestamps()).isTrue();
    }

    @Test
    void paranoidAddsANullableDeletedAtAfterTheOtherStamps() {
        ModelDefinition model = define(NAME, ModelOptions.options().paranoid(true).deletedAt("removedAt"));
        assertThat(model.attributes().keySet().toJavaList())
                .containsExactly("id", "firstName", "createdAt", "updatedAt", "removedAt");
        assertThat(model.deletedAt()).isEqualTo(Option.some("removedAt"));
        assertThat(model.paranoid()).isTrue();
        assertThat(model.attribute("removedAt").allowNull()).isTrue();
    }

    @Test
    void paranoidWithoutTimestampsOrWithDeletedAtDisabledIsNotParanoid() {
        assertThat(define(NAME, ModelOptions.options().paranoid(true).timestamps(false)).paranoid()).isFalse();
        assertThat(define(NAME, ModelOptions.options().paranoid(true).deletedAt(false)).paranoid()).isFalse();
    }

    @Test
    void anAttributeNamedLikeAStampKeepsItsPlaceAndDefinition() {
        ModelDefinition model = define(List.of(attribute("createdAt", DataTypes.DATEONLY), attribute("firstName", DataTypes.STRING)),
                ModelOptions.options());
        assertThat(model.attributes().keySet().toJavaList()).containsExactly("id", "createdAt", "firstName", "updatedAt");
        assertThat(model.attribute("createdAt").type()).isEqualTo(DataTypes.DATEONLY);
    }

    @Test
    void underscoredSnakeCasesColumnsTimestampsAndThePluralTableButNotGivenFields() {
        ModelDefinition model = ModelDefinition.define("blogPost",
                List.of(attribute("postTitle", DataTypes.STRING), attribute("authorID", DataTypes.INTEGER),
                        attribute("body", DataTypes.TEXT).field("content")),
                ModelOptions.options().underscored(true).paranoid(true));
        assertThat(columns(model)).containsExactly("id", "post_title", "author_i_d", "content", "created_at", "updated_at", "deleted_at");
        assertThat(model.tableName()).isEqualTo("blog_posts");
        assertThat(model.createdAt()).isEqualTo(Option.some("createdAt")); // attribute names stay as they are
    }

    @Test
    void underscoredLeavesAFrozenOrGivenTableNameAlone() {
        ModelOptions underscored = ModelOptions.options().underscored(true);
        assertThat(ModelDefinition.define("blogPost", NAME, underscored.freezeTableName(true)).tableName()).isEqualTo("blogPost");
        assertThat(ModelDefinition.define("blogPost", NAME, underscored.tableName("Posts")).tableName()).isEqualTo("Posts");
    }

    @Test
    void schemaQualifiesTheTable() {
        assertThat(define(NAME, ModelOptions.options().schema("app")).table()).isEqualTo(new TableName(Option.some("app"), "users"));
    }

    @Test
    void defaultsAreCheckedAgainstTheTypeAndKeptInTheirCanonicalJavaValue() {
        ModelDefinition model = define(List.of(
                attribute("price", DataTypes.DECIMAL(10, 2)).defaultValue(1),
                attribute("day", DataTypes.DATEONLY).defaultValue(LocalDate.of(2024, 1, 1))), ModelOptions.options());
        assertThat(model.attribute("price").defaultValue()).isEqualTo(Option.some(new DefaultValue.Value(BigDecimal.valueOf(1))));

        assertThatThrownBy(() -> define(List.of(attribute("age", DataTypes.INTEGER).defaultValue("ten")), ModelOptions.options()))
                .isInstanceOf(ValidationError.class)
                .hasMessage("user.age (defaultValue) is INTEGER and cannot take String \"ten\"; allowed: Integer, Short, Byte, or a Long/BigInteger within 32 bits");
        assertThatThrownBy(() -> define(List.of(attribute("mood", DataTypes.ENUM("a", "b")).defaultValue("c")), ModelOptions.options()))
                .isInstanceOf(ValidationError.class)
                .hasMessage("user.mood (defaultValue) is ENUM('a', 'b') and cannot take 'c'; allowed values: 'a', 'b'");
        assertThatThrownBy(() -> define(List.of(attribute("n", DataTypes.INTEGER).defaultValue(DataTypes.NOW)), ModelOptions.options()))
                .isInstanceOf(ValidationError.class)
                .hasMessage("user.n: defaultValue NOW needs a DATE, DATEONLY or TIME attribute, not INTEGER");
        assertThatThrownBy(() -> define(List.of(attribute("n", DataTypes.INTEGER).defaultValue(DataTypes.UUIDV4)), ModelOptions.options()))
                .isInstanceOf(ValidationError.class)
                .hasMessage("user.n: defaultValue UUIDV4 needs a UUID, STRING, CHAR or TEXT attribute, not INTEGER");
    }

    @Test
    void optionsThatCannotWorkTogetherAreRefused() {
        assertThatThrownBy(() -> define(List.of(attribute("code", DataTypes.STRING).primaryKey(true).autoIncrement(true)), ModelOptions.options()))
                .isInstanceOf(ValidationError.class)
                .hasMessage("user.code: autoIncrement needs an integer type (INTEGER, BIGINT, ...), not STRING(255)");
        assertThatThrownBy(() -> define(List.of(attribute("full", DataTypes.VIRTUAL).unique(true)), ModelOptions.options()))
                .isInstanceOf(ValidationError.class)
                .hasMessageStartingWith("user.full: a VIRTUAL attribute has no column");
        assertThatThrownBy(() -> define(List.of(attribute("a", DataTypes.STRING).field("x"), attribute("b", DataTypes.STRING).field("x")), ModelOptions.options()))
                .isInstanceOf(ValidationError.class)
                .hasMessage("model 'user': attributes 'a' and 'b' are both stored in column 'x'; give one of them another field");
    }

    @Test
    void virtualAttributesAreAttributesButNotColumns() {
        ModelDefinition model = define(List.of(attribute("firstName", DataTypes.STRING), attribute("full", DataTypes.VIRTUAL)),
                ModelOptions.options().timestamps(false));
        assertThat(model.attribute("full").stored()).isFalse();
        assertThat(columns(model)).containsExactly("id", "firstName");
    }

    @Test
    void compositeUniqueKeysGroupTheAttributesNamingThem() {
        ModelDefinition model = define(List.of(attribute("a", DataTypes.STRING).unique("ab"), attribute("c", DataTypes.STRING).unique("cd"),
                attribute("b", DataTypes.STRING).unique("ab")), ModelOptions.options().timestamps(false));
        assertThat(model.uniqueKeys().keySet().toJavaList()).containsExactly("ab", "cd");
        assertThat(model.uniqueKeys().get("ab").get().map(Attribute::name).toJavaList()).containsExactly("a", "b");
    }

    @Test
    void indexFieldsMustNameAttributesOrColumns() {
        ModelOptions options = ModelOptions.options().underscored(true).indexes(IndexDefinition.on("firstName"), IndexDefinition.on("first_name"));
        ModelDefinition model = define(NAME, options);
        assertThat(model.indexColumn("firstName")).isEqualTo("first_name");
        assertThat(model.indexColumn("first_name")).isEqualTo("first_name");
        assertThatThrownBy(() -> define(NAME, ModelOptions.options().indexes(IndexDefinition.on("firstNam"))))
                .isInstanceOf(ValidationError.class)
                .hasMessage("model 'user': index field 'firstNam' is not one of its attributes; did you mean firstName?; its attributes are id, firstName, createdAt, updatedAt");
    }

    @Test
    void defineDefaultsReachEveryModelOptionUnlessTheModelSetsIt() {
        ModelOptions defaults = ModelOptions.options().underscored(true).paranoid(true).schema("app");
        ModelOptions merged = ModelOptions.options().schema("other").withDefaults(defaults);
        assertThat(merged.underscored()).isEqualTo(Option.some(true));
        assertThat(merged.paranoid()).isEqualTo(Option.some(true));
        assertThat(merged.schema()).isEqualTo(Option.some("other"));
    }

    @Test
    void defaultsAreFilledInWhenARowIsBuiltAndAGivenNullStays() {
        ModelDefinition model = define(List.of(
                attribute("score", DataTypes.INTEGER).defaultValue(7),
                attribute("nick", DataTypes.STRING).defaultValue("anon"),
                attribute("joined", DataTypes.DATEONLY).defaultValue(DataTypes.NOW),
                attribute("ref", DataTypes.UUID).defaultValue(DataTypes.UUIDV4),
                attribute("code", DataTypes.STRING).defaultValue(DataTypes.UUIDV1),
                attribute("stamp", DataTypes.DATE).defaultValue(DefaultValue.literal("CURRENT_TIMESTAMP"))), ModelOptions.options().timestamps(false));
        java.util.HashMap<String, Object> given = new java.util.HashMap<>();
        given.put("nick", null);
        Map<String, Object> row = DefaultValues.apply(model, given, java.time.Instant.parse("2024-01-15T23:30:00Z"), UuidGenerator.sequential());
        assertThat(row).containsEntry("score", 7).containsEntry("nick", null)
                .containsEntry("joined", LocalDate.of(2024, 1, 15))
                .containsEntry("ref", java.util.UUID.fromString("00000000-0000-4000-8000-000000000001"))
                .containsEntry("code", "00000000-0000-1000-8000-000000000002")
                .doesNotContainKey("stamp");
    }
}
