package dev.sequelj.render;

import dev.sequelj.ast.error.SequeljError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTextAndArraysTest {
    @Test
    void jsonIsWrittenCompactlyAsJavaScriptWritesIt() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", 1);
        value.put("b", Arrays.asList(true, null, 2.5, 3.0, "x\"y\\z\n"));
        value.put("c", new BigDecimal("1.50"));
        assertThat(JsonText.write(value)).isEqualTo("{\"a\":1,\"b\":[true,null,2.5,3,\"x\\\"y\\\\z\\n\"],\"c\":1.50}");
        assertThat(JsonText.write("\u0001")).isEqualTo("\"\\u0001\"");
    }

    @Test
    void jsonReadsBackAsMapsListsAndTheSmallestWholeNumberType() {
        Object read = JsonText.parse(" {\"a\": [1, 3000000000, 12345678901234567890, 2.5e1, \"\\u00e9\\/\"], \"b\": {}, \"c\": null} ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", List.of(1, 3_000_000_000L, new BigInteger("12345678901234567890"), 25.0, "é/"));
        expected.put("b", Map.of());
        expected.put("c", null);
        assertThat(read).isEqualTo(expected);
        assertThatThrownBy(() -> JsonText.parse("{\"a\" 1}")).isInstanceOf(SequeljError.class)
                .hasMessage("malformed JSON at character 5: expected ':'");
        assertThatThrownBy(() -> JsonText.parse("[1] x")).isInstanceOf(SequeljError.class)
                .hasMessage("malformed JSON at character 4: unexpected text after the value");
    }

    @Test
    void writtenJsonReadsBackAsItself() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("k", new ArrayList<>(List.of("a,b", Map.of("x", -7))));
        assertThat(JsonText.parse(JsonText.write(value))).isEqualTo(value);
    }

    @Test
    void postgresArraysQuoteEveryTextElementSoNoneCanEndTheArray() {
        assertThat(PostgresArrays.format(Arrays.asList(1, null, 3L))).isEqualTo("{1,NULL,3}");
        assertThat(PostgresArrays.format(List.of("a", "b,c}", "q\"\\"))).isEqualTo("{\"a\",\"b,c}\",\"q\\\"\\\\\"}");
        assertThat(PostgresArrays.format(List.of(List.of(1, 2), List.of(3, 4)))).isEqualTo("{{1,2},{3,4}}");
        assertThat(PostgresArrays.format(List.of())).isEqualTo("{}");
    }

    @Test
    void postgresArrayTextReadsBackAsElementStrings() {
        assertThat(PostgresArrays.parse("{1,NULL,3}")).isEqualTo(Arrays.asList("1", null, "3"));
        assertThat(PostgresArrays.parse("{\"a\",\"b,c}\",\"q\\\"\\\\\"}")).isEqualTo(List.of("a", "b,c}", "q\"\\"));
        assertThat(PostgresArrays.parse("{{1,2},{3}}")).isEqualTo(List.of(List.of("1", "2"), List.of("3")));
        assertThat(PostgresArrays.parse("{}")).isEqualTo(List.of());
        assertThatThrownBy(() -> PostgresArrays.parse("{1,2")).isInstanceOf(SequeljError.class)
                .hasMessage("unterminated array text: {1,2");
    }
}
