package dev.sequelj.ast.model;

import dev.sequelj.ast.error.ValidationError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sequelj.ast.model.Attribute.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelDefinitionTest {
    private static final Pluralizer PLURAL_S = word -> word + "s";

    @Test
    void addsAnIdKeyFirstAndTimestampsLastWhenNoneAreGiven() {
        ModelDefinition user = ModelDefinition.define("user",
                List.of(attribute("firstName", DataTypes.STRING), attribute("lastName", DataTypes.STRING)),
                ModelOptions.options(), PLURAL_S);

        assertThat(user.attributes().keySet().toJavaList())
                .containsExactly("id", "firstName", "lastName", "createdAt", "updatedAt");
        Attribute id = user.attribute("id");
        assertThat(id.type()).isEqualTo(DataTypes.INTEGER);
        assertThat(id.primaryKey()).isTrue();
        assertThat(id.autoIncrement()).isTrue();
        assertThat(id.allowNull()).isFalse();
        assertThat(user.attribute("createdAt").allowNull()).isFalse();
        assertThat(user.tableName()).isEqualTo("users");
    }

    @Test
    void keepsTheGivenPrimaryKeyAndAddsNoId() {
        ModelDefinition country = ModelDefinition.define("country",
                List.of(attribute("code", DataTypes.STRING(2)).primaryKey(true), attribute("name", DataTypes.STRING)),
                ModelOptions.options().timestamps(false), PLURAL_S);

        assertThat(country.attributes().keySet().toJavaList()).containsExactly("code", "name");
        assertThat(country.primaryKey().map(Attribute::name).toJavaList()).containsExactly("code");
        assertThat(country.attribute("code").allowNull()).isFalse();
    }

    @Test
    void modelOptionsOverrideTheDefaultsOnlyWhereTheyAreSet() {
        ModelOptions globalDefaults = ModelOptions.options().timestamps(false).freezeTableName(true);

        ModelDefinition post = ModelDefinition.define("post", List.of(attribute("title", DataTypes.STRING)),
                ModelOptions.options().timestamps(true).withDefaults(globalDefaults), PLURAL_S);
        ModelDefinition tag = ModelDefinition.define("tag", List.of(attribute("label", DataTypes.STRING)),
                ModelOptions.options().withDefaults(globalDefaults), PLURAL_S);

        assertThat(post.timestamps()).isTrue();
        assertThat(post.tableName()).isEqualTo("post");
        assertThat(tag.timestamps()).isFalse();
        assertThat(tag.attributes().keySet().toJavaList()).containsExactly("id", "label");
    }

    @Test
    void tableNameWinsOverPluralization() {
        ModelDefinition person = ModelDefinition.define("person", List.of(attribute("name", DataTypes.STRING)),
                ModelOptions.options().tableName("people_archive"), PLURAL_S);
        assertThat(person.tableName()).isEqualTo("people_archive");
    }

    @Test
    void withoutAPluralizerTheTableIsNamedAsSequelizeNamesIt() {
        ModelDefinition person = ModelDefinition.define("person", List.of(attribute("name", DataTypes.STRING)),
                ModelOptions.options());
        assertThat(person.tableName()).isEqualTo("people");
        ModelDefinition frozen = ModelDefinition.define("person", List.of(attribute("name", DataTypes.STRING)),
                ModelOptions.options().freezeTableName(true));
        assertThat(frozen.tableName()).isEqualTo("person");
    }

    @Test
    void aDuplicateAttributeIsRefused() {
        assertThatThrownBy(() -> ModelDefinition.define("user",
                List.of(attribute("name", DataTypes.STRING), attribute("name", DataTypes.TEXT)),
                ModelOptions.options(), PLURAL_S))
                .isInstanceOf(ValidationError.class)
                .hasMessage("model 'user' defines attribute 'name' twice");
    }

    @Test
    void anUnknownAttributeNamesTheOnesThereAre() {
        ModelDefinition user = ModelDefinition.define("user", List.of(attribute("firstName", DataTypes.STRING)),
                ModelOptions.options().timestamps(false), PLURAL_S);
        assertThatThrownBy(() -> user.attribute("firstname"))
                .isInstanceOf(ValidationError.class)
                .hasMessage("model 'user' has no attribute 'firstname'; did you mean firstName?; its attributes are id, firstName");
    }
}
