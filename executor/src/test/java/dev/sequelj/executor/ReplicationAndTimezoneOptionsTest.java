package dev.sequelj.executor;

import dev.sequelj.ast.error.ConfigurationError;
import dev.sequelj.render.dialect.Dialects;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connection each replication server gets (the main connection with what the server sets), and the
 * {@code timezone} option, which configures the dialect the settings carry.
 */
class ReplicationAndTimezoneOptionsTest {

    @Test
    void aServerTakesWhatItSetsAndTheRestFromTheMainConnection() {
        ConnectionSettings main = ConnectionSettings.parse("postgres://app:secret@primary.internal:5432/shop",
                SequelizeOptions.options());

        assertThat(main.on(HostOptions.defaults())).isEqualTo(main);
        assertThat(main.on(HostOptions.defaults().host("replica-2.internal").port(6432).username("reader").password("r")))
                .isEqualTo(new ConnectionSettings(Dialects.POSTGRES, "replica-2.internal", 6432, "shop", "reader", "r", ""));
        assertThat(main.on(HostOptions.defaults().database("shop_replica")))
                .isEqualTo(new ConnectionSettings(Dialects.POSTGRES, "primary.internal", 5432, "shop_replica", "app", "secret", ""));
    }

    @Test
    void theTimezoneConfiguresTheDialectOfTheSettings() {
        SequelizeOptions plusTwo = SequelizeOptions.options().dialect("mysql").timezone("+02:00");

        assertThat(plusTwo.timezone()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(ConnectionSettings.of("db", "u", "p", plusTwo).dialect()).isEqualTo(Dialects.MYSQL.withTimezone(ZoneOffset.ofHours(2)));
        assertThat(ConnectionSettings.parse("mariadb://root@127.0.0.1/test", SequelizeOptions.options().timezone("-05:30"))
                .dialect().timezone()).isEqualTo(ZoneOffset.ofHoursMinutes(-5, -30));
        assertThat(ConnectionSettings.parse("sqlite::memory:", SequelizeOptions.options()).dialect()).isSameAs(Dialects.SQLITE);
        try (Sequelize sequelize = new Sequelize("sqlite::memory:", SequelizeOptions.options().timezone(ZoneOffset.ofHours(9)))) {
            assertThat(sequelize.dialect().timezone()).isEqualTo(ZoneOffset.ofHours(9));
            assertThat(sequelize.getDialect()).isEqualTo("sqlite");
        }
    }

    @Test
    void aTimezoneMustBeAFixedOffset() {
        assertThatThrownBy(() -> SequelizeOptions.options().timezone("Europe/Berlin")).isInstanceOf(ConfigurationError.class)
                .hasMessage("timezone 'Europe/Berlin' is not an offset; give one such as '+02:00' or '-05:30' (named time"
                        + " zones such as 'Europe/Berlin' are not supported: their offset changes)");
        assertThatThrownBy(() -> SequelizeOptions.options().timezone("+25:00")).isInstanceOf(ConfigurationError.class);
        assertThatThrownBy(() -> SequelizeOptions.options().timezone((String) null)).isInstanceOf(ConfigurationError.class);
        assertThatThrownBy(() -> SequelizeOptions.options().timezone((ZoneOffset) null)).isInstanceOf(ConfigurationError.class)
                .hasMessage("timezone must not be null; '+00:00' is the default");
    }
}
