package dev.sequelj.executor.live;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.finder.FindOptions;
import dev.sequelj.ast.finder.Selection;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.statement.OrderItem.Direction;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.ModelInstance;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows onto the user's own records ({@code findAll(options, UserRow.class)}, {@code instance.as(...)}),
 * with each component converted to its type, and {@code raw: true} as plain maps, on every live database.
 */
class RecordsAndRawLiveTest {
    private static final UUID TOKEN = UUID.fromString("3f0c2f7e-8a4b-4c1d-9e2f-1a2b3c4d5e6f");
    private static final Instant AT = Instant.parse("2024-01-15T10:30:45Z");

    enum Level { rookie, pro }

    public record UserRow(long id, String name, LocalDate birthday, Level level, BigDecimal balance, Boolean active,
                          UUID token, byte[] avatar, OffsetDateTime seenAt, Instant createdAt, Integer age) {}

    public record NameOnly(String name) {}

    public record Misspelt(long id, String nmae) {}

    public record WrongType(long id, LocalDate name) {}

    public record PrimitiveAge(String name, int age) {}

    public record NarrowEnum(Level2 level) {}

    enum Level2 { rookie }

    private final List<String> sent = new CopyOnWriteArrayList<>();

    private Model users(LiveSession live) {
        Model users = live.define("user", List.of(
                attribute("name", DataTypes.STRING).allowNull(false),
                attribute("birthday", DataTypes.DATEONLY),
                attribute("level", DataTypes.ENUM("rookie", "pro")),
                attribute("balance", DataTypes.DECIMAL(10, 2)),
                attribute("active", DataTypes.BOOLEAN),
                attribute("token", DataTypes.UUID),
                attribute("avatar", DataTypes.BLOB),
                attribute("seenAt", DataTypes.DATE),
                attribute("age", DataTypes.INTEGER)));
        users.sync(true).join();
        Map<String, Object> ann = new HashMap<>();
        ann.put("name", "Ann 😀");
        ann.put("birthday", LocalDate.of(1990, 5, 17));
        ann.put("level", "pro");
        ann.put("balance", new BigDecimal("12.50"));
        ann.put("active", true);
        ann.put("token", TOKEN);
        ann.put("avatar", new byte[] {1, 2, (byte) 0xff});
        ann.put("seenAt", AT);
        ann.put("age", 34);
        users.create(ann).join();
        users.create(Map.of("name", "Bob")).join();
        return users;
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void rowsMapOntoARecordWithEachComponentConverted(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false).timezone("+02:00"))) {
            Model users = users(live);
            List<UserRow> rows = users.findAll(FindOptions.options().order("id", Direction.ASC), UserRow.class).join();
            assertThat(rows).hasSize(2);
            UserRow ann = rows.get(0);
            assertThat(ann.id()).isPositive();
            assertThat(ann.name()).isEqualTo("Ann 😀");
            assertThat(ann.birthday()).isEqualTo(LocalDate.of(1990, 5, 17));
            assertThat(ann.level()).isEqualTo(Level.pro);
            assertThat(ann.balance()).isEqualTo(new BigDecimal("12.50"));
            assertThat(ann.active()).isTrue();
            assertThat(ann.token()).isEqualTo(TOKEN);
            assertThat(ann.avatar()).containsExactly(1, 2, 0xff);
            assertThat(ann.seenAt()).as("at the timezone option's offset").isEqualTo(AT.atOffset(ZoneOffset.ofHours(2)));
            assertThat(ann.age()).isEqualTo(34);
            UserRow bob = rows.get(1);
            assertThat(bob.name()).isEqualTo("Bob");
            assertThat(bob.level()).isNull();
            assertThat(bob.age()).isNull();
            assertThat(bob.avatar()).isNull();

            ModelInstance annInstance = users.findOne(FindOptions.options().where(Map.of("name", "Ann 😀"))).join().orElseThrow();
            UserRow viaAs = annInstance.as(UserRow.class);
            assertThat(viaAs.id()).isEqualTo(ann.id());
            assertThat(viaAs.seenAt()).isEqualTo(ann.seenAt());
            assertThat(viaAs.createdAt()).isEqualTo(ann.createdAt());

            Optional<NameOnly> one = users.findOne(FindOptions.options().where(Map.of("name", "Bob")), NameOnly.class).join();
            assertThat(one).contains(new NameOnly("Bob"));
            assertThat(users.findOne(FindOptions.options().where(Map.of("name", "Nobody")), NameOnly.class).join()).isEmpty();

            List<NameOnly> selected = users.findAll(FindOptions.options().attributes(Selection.of("name"))
                    .order("id", Direction.ASC), NameOnly.class).join();
            assertThat(selected).containsExactly(new NameOnly("Ann 😀"), new NameOnly("Bob"));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aComponentThatFitsNoAttributeIsRefusedBeforeAnySql(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(sent::add))) {
            Model users = users(live);
            sent.clear();
            assertThat(failure(users.findAll(FindOptions.options(), Misspelt.class), ValidationError.class))
                    .hasMessageContaining("component 'nmae'").hasMessageContaining("matches no attribute");
            assertThat(failure(users.findAll(FindOptions.options(), WrongType.class), ValidationError.class))
                    .hasMessageContaining("component 'name' (LocalDate)").hasMessageContaining("String");
            assertThat(failure(users.findAll(FindOptions.options(), NarrowEnum.class), ValidationError.class))
                    .hasMessageContaining("component 'level'").hasMessageContaining("no constant 'pro'");
            assertThat(sent).as("no SQL for a record that cannot be filled").isEmpty();

            // A primitive component cannot take Bob's null age: refused naming the component.
            assertThat(failure(users.findAll(FindOptions.options(), PrimitiveAge.class), ValidationError.class))
                    .hasMessageContaining("component 'age'").hasMessageContaining("null");
            ModelInstance ann = users.findOne(FindOptions.options().where(Map.of("name", "Ann 😀"))).join().orElseThrow();
            assertThat(ann.as(PrimitiveAge.class)).isEqualTo(new PrimitiveAge("Ann 😀", 34));
            assertThatThrownBy(() -> ann.as(Misspelt.class)).isInstanceOf(ValidationError.class);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void rawRowsArePlainMapsOfTheInstancesValues(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model users = users(live);
            FindOptions byId = FindOptions.options().order("id", Direction.ASC);
            List<Map<String, Object>> raw = users.findAllRaw(byId).join();
            List<ModelInstance> instances = users.findAll(byId).join();
            assertThat(raw).hasSize(2);
            for (int i = 0; i < raw.size(); i++) {
                assertThat(raw.get(i).keySet()).containsExactlyElementsOf(instances.get(i).dataValues().keySet());
                for (String name : raw.get(i).keySet()) {
                    Object expected = instances.get(i).get(name);
                    if (expected instanceof byte[] bytes) {
                        assertThat((byte[]) raw.get(i).get(name)).isEqualTo(bytes);
                    } else {
                        assertThat(raw.get(i).get(name)).as(name).isEqualTo(expected);
                    }
                }
            }
            assertThat(raw.get(0).get("active")).isEqualTo(true);
            assertThat(raw.get(0).get("balance")).isEqualTo(new BigDecimal("12.50"));
            Optional<Map<String, Object>> bob = users.findOneRaw(FindOptions.options().where(Map.of("name", "Bob"))).join();
            assertThat(bob).hasValueSatisfying(row -> assertThat(row.get("name")).isEqualTo("Bob"));
            assertThat(users.findOneRaw(FindOptions.options().where(Map.of("name", "Nobody"))).join()).isEmpty();
        }
    }
}
