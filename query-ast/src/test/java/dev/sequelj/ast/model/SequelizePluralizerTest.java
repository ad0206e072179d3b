package dev.sequelj.ast.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SequelizePluralizer} against Sequelize itself: the fixture {@code sequelize-plurals.tsv}
 * (test resources, beside this class's package) holds 7,000 model names, each with the plural that
 * Sequelize 6.37.8's pluralizer ({@code require('inflection').pluralize} of inflection 1.13.4) gives it.
 *
 * <p>How the fixture was generated: its words are (a) the common model names, and every word of the
 * singular English word list (173,380 words of the npm package {@code an-array-of-english-words})
 * whose plural evo-inflector 1.3 got wrong, and the names a first attempt of this class got wrong;
 * (b) 3,000 other words of that list drawn with a fixed seed; (c) compound, camelCase and capitalized
 * names picked by hand. Their plurals were written, and can be rewritten (keeping the words and the
 * {@code #} comment lines), by running from the repository root, with {@code NODE_PATH} naming a
 * {@code node_modules} that holds inflection 1.13.4 (the Sequelize oracle's, e.g.
 * {@code NODE_PATH=/tmp/oracle/node_modules}):
 *
 * <pre>{@code
 * node -e "const i=require('inflection'),fs=require('fs'),f=process.argv[1];fs.writeFileSync(f,fs.readFileSync(f,'utf8').split('\n').map(l=>l===''||l.startsWith('#')?l:(w=>w+'\t'+i.pluralize(w))(l.split('\t')[0])).join('\n'))" query-ast/src/test/resources/dev/sequelj/ast/model/sequelize-plurals.tsv
 * }</pre>
 */
class SequelizePluralizerTest {
    private static final Pluralizer PLURALIZER = SequelizePluralizer.INSTANCE;

    @Test
    void agreesWithSequelizeOnEveryLineOfTheFixture() throws IOException {
        List<String> lines = fixture();
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            assertThat(columns).as("fixture line %s", line).hasSize(2);
            checked++;
            String ours = PLURALIZER.pluralize(columns[0]);
            if (!ours.equals(columns[1])) {
                disagreements.add(columns[0] + ": Sequelize " + columns[1] + ", ours " + ours);
            }
        }
        assertThat(checked).isGreaterThan(7_000);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void pluralizesTheLastWordOfCompoundNamesKeepingTheirCase() {
        assertThat(PLURALIZER.pluralize("user")).isEqualTo("users");
        assertThat(PLURALIZER.pluralize("person")).isEqualTo("people");
        assertThat(PLURALIZER.pluralize("blog_post")).isEqualTo("blog_posts");
        assertThat(PLURALIZER.pluralize("BlogPost")).isEqualTo("BlogPosts");
        assertThat(PLURALIZER.pluralize("salesperson")).isEqualTo("salespeople");
        assertThat(PLURALIZER.pluralize("UserPerson")).isEqualTo("UserPeople");
        assertThat(PLURALIZER.pluralize("user_status")).isEqualTo("user_statuses");
        assertThat(PLURALIZER.pluralize("userData")).isEqualTo("userData");
        // The replaced part is written in lower case.
        assertThat(PLURALIZER.pluralize("PERSON")).isEqualTo("PEople");
        assertThat(PLURALIZER.pluralize("HERO")).isEqualTo("HEROs");
    }

    @Test
    void uncountablesCountOnlyAsTheWholeName() {
        assertThat(PLURALIZER.pluralize("equipment")).isEqualTo("equipment");
        assertThat(PLURALIZER.pluralize("Equipment")).isEqualTo("Equipment");
        assertThat(PLURALIZER.pluralize("userEquipment")).isEqualTo("userEquipments");
        assertThat(PLURALIZER.pluralize("man")).isEqualTo("men");
        assertThat(PLURALIZER.pluralize("chairman")).isEqualTo("chairmans");
    }

    @Test
    void leavesWordsEndingInSAsTheyAre() {
        assertThat(PLURALIZER.pluralize("users")).isEqualTo("users");
        assertThat(PLURALIZER.pluralize("cactus")).isEqualTo("cactus");
        assertThat(PLURALIZER.pluralize("status")).isEqualTo("statuses");
        assertThat(PLURALIZER.pluralize("analysis")).isEqualTo("analyses");
    }

    @Test
    void everyUncountableIsStoredSortedAndInLowerCase() throws IOException {
        List<String> words = new ArrayList<>();
        for (String line : resourceLines(SequelizePluralizer.class, "sequelize-uncountables.txt")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                words.add(line);
            }
        }
        assertThat(words).isSorted().doesNotHaveDuplicates().allMatch(w -> w.equals(w.strip().toLowerCase()));
        assertThat(SequelizePluralizer.UNCOUNTABLES).hasSize(words.size());
    }

    private static List<String> fixture() throws IOException {
        return resourceLines(SequelizePluralizerTest.class, "sequelize-plurals.tsv");
    }

    private static List<String> resourceLines(Class<?> anchor, String name) throws IOException {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
