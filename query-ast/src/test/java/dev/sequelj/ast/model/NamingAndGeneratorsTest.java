package dev.sequelj.ast.model;

import io.vavr.collection.Vector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NamingAndGeneratorsTest {
    /** Each pair as the npm package inflection 1.13 (Sequelize's Utils.underscore) returns it. */
    @ParameterizedTest
    @CsvSource({
            "firstName, first_name",
            "createdAt, created_at",
            "userID, user_i_d",
            "HTMLBody, h_t_m_l_body",
            "already_snake, already_snake",
            "Already, already",
            "x-y, x-y",
            "firstName2Go, first_name2_go",
            "a::b, a/b",
            "éÉ, éé"})
    void underscoreIsInflections(String name, String expected) {
        assertThat(Naming.underscore(name)).isEqualTo(expected);
    }

    @Test
    void defaultIndexNamesUnderscoreTheTableAndTheFieldsAsWritten() {
        assertThat(Naming.indexName("users", Vector.of("firstName", "lastName"))).isEqualTo("users_first_name_last_name");
        assertThat(Naming.indexName("BlogPosts", Vector.of("email"))).isEqualTo("blog_posts_email");
        assertThat(Naming.enumTypeName("users", "mood")).isEqualTo("enum_users_mood");
    }

    @Test
    void randomUuidsHaveTheirVersionAndVariantAndDoNotRepeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            UUID v1 = UuidGenerator.RANDOM.v1();
            UUID v4 = UuidGenerator.RANDOM.v4();
            assertThat(v1.version()).isEqualTo(1);
            assertThat(v1.variant()).isEqualTo(2);
            assertThat(v4.version()).isEqualTo(4);
            assertThat(seen.add(v1)).isTrue();
            assertThat(seen.add(v4)).isTrue();
        }
    }

    @Test
    void sequentialUuidsCountAsTheOracleDoes() {
        UuidGenerator uuids = UuidGenerator.sequential();
        assertThat(uuids.v4()).hasToString("00000000-0000-4000-8000-000000000001");
        assertThat(uuids.v1()).hasToString("00000000-0000-1000-8000-000000000002");
    }
}
