package dev.sequelj.ast.model;

import dev.sequelj.ast.error.ValidationError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataTypesTest {
    @Test
    void describeSpellsTypesAsSequelizeDoes() {
        assertThat(DataTypes.describe(DataTypes.STRING(100).BINARY())).isEqualTo("STRING(100).BINARY");
        assertThat(DataTypes.describe(DataTypes.DECIMAL(10, 2).UNSIGNED())).isEqualTo("DECIMAL(10,2).UNSIGNED");
        assertThat(DataTypes.describe(DataTypes.INTEGER(11).UNSIGNED().ZEROFILL())).isEqualTo("INTEGER(11).UNSIGNED.ZEROFILL");
        assertThat(DataTypes.describe(DataTypes.FLOAT(10, 2))).isEqualTo("FLOAT(10,2)");
        assertThat(DataTypes.describe(DataTypes.TEXT(DataType.TextSize.LONG))).isEqualTo("TEXT('long')");
        assertThat(DataTypes.describe(DataTypes.DATE(3))).isEqualTo("DATE(3)");
        assertThat(DataTypes.describe(DataTypes.ENUM("a", "b"))).isEqualTo("ENUM('a', 'b')");
        assertThat(DataTypes.describe(DataTypes.ARRAY(DataTypes.INTEGER))).isEqualTo("ARRAY(INTEGER)");
    }

    @Test
    void flagsAreWithersThatKeepTheRest() {
        assertThat(DataTypes.BIGINT(20).UNSIGNED()).isEqualTo(new DataType.BigIntType(io.vavr.control.Option.some(20), true, false));
        assertThat(DataTypes.INTEGER.ZEROFILL().UNSIGNED()).isEqualTo(new DataType.IntegerType(io.vavr.control.Option.none(), true, true));
        assertThat(DataTypes.CHAR(2).BINARY()).isEqualTo(new DataType.CharType(2, true));
        // The shapes other code builds without arguments are the same values as the constants.
        assertThat(new DataType.IntegerType()).isEqualTo(DataTypes.INTEGER);
        assertThat(new DataType.TextType()).isEqualTo(DataTypes.TEXT);
    }

    @Test
    void argumentsThatMakeNoSenseAreRefusedNamingWhatIsValid() {
        assertThatThrownBy(() -> DataTypes.DECIMAL(4, 6)).isInstanceOf(ValidationError.class)
                .hasMessage("DECIMAL(4,6): the scale must be between 0 and the precision (4); e.g. DECIMAL(10,2) holds 10 digits, 2 after the point");
        assertThatThrownBy(() -> DataTypes.ENUM()).isInstanceOf(ValidationError.class)
                .hasMessage("ENUM needs at least one value, e.g. ENUM('active', 'archived')");
        assertThatThrownBy(() -> DataTypes.ENUM("a", "a")).isInstanceOf(ValidationError.class)
                .hasMessage("ENUM lists 'a' twice; each value must be listed once");
        assertThatThrownBy(() -> DataTypes.DATE(7)).isInstanceOf(ValidationError.class)
                .hasMessage("DATE(7): the precision must be between 0 and 6");
        assertThatThrownBy(() -> DataTypes.CHAR(0)).isInstanceOf(ValidationError.class)
                .hasMessage("CHAR length must be at least 1, got 0");
        assertThatThrownBy(() -> DataTypes.FLOAT(5, 6)).isInstanceOf(ValidationError.class)
                .hasMessage("FLOAT(5,6): the decimals must be between 0 and the length (5)");
        assertThatThrownBy(() -> DataTypes.ARRAY(DataTypes.VIRTUAL)).isInstanceOf(ValidationError.class)
                .hasMessage("ARRAY(VIRTUAL) makes no sense: VIRTUAL has no column");
    }
}
