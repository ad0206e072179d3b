package dev.sequelj.executor.live;

import dev.sequelj.ast.error.ValidationError;
import dev.sequelj.ast.model.DataTypes;
import dev.sequelj.ast.model.ModelOptions;
import dev.sequelj.executor.ConnectionSettings;
import dev.sequelj.executor.Model;
import dev.sequelj.executor.Sequelize;
import dev.sequelj.executor.SequelizeOptions;
import dev.sequelj.executor.Transaction;
import dev.sequelj.executor.error.UniqueConstraintError;
import dev.sequelj.executor.jdbc.JdbcExecutor;
import dev.sequelj.executor.result.FindOrCreateResult;
import dev.sequelj.executor.spi.Executor;
import dev.sequelj.executor.spi.QueryResult;
import dev.sequelj.executor.spi.ReservedConnection;
import dev.sequelj.executor.spi.StatementKind;
import dev.sequelj.executor.testing.LiveDatabase;
import dev.sequelj.executor.testing.LiveSession;
import dev.sequelj.render.Sql;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static dev.sequelj.ast.finder.FindOptions.options;
import static dev.sequelj.ast.model.Attribute.attribute;
import static dev.sequelj.executor.testing.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code Model.findOrCreate} on every live database: found, created, created inside the caller's
 * transaction (and undone with it), a unique violation that is not the row looked for, refusals before SQL,
 * and the race Sequelize handles, made deterministic: the executor lets a second session insert and commit
 * the same row at one known point, just before this call's INSERT is sent. No sleeps, no polling; every
 * wait is bounded.
 */
class FindOrCreateLiveTest {
    /** Guards against a hang only; nothing here waits on purpose. */
    private static final long BOUND_SECONDS = 60;

    private static final List<dev.sequelj.ast.model.Attribute> ACCOUNT = List.of(
            attribute("email", DataTypes.STRING).allowNull(false).unique(true),
            attribute("name", DataTypes.STRING),
            attribute("plan", DataTypes.STRING).defaultValue("free"));

    private static Model accounts(LiveSession live) {
        Model accounts = live.define("account", ACCOUNT, ModelOptions.options().timestamps(false));
        accounts.sync(true).join();
        return accounts;
    }

    private static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(BOUND_SECONDS, TimeUnit.SECONDS).join();
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void anExistingRowIsFoundAndNothingIsInserted(LiveDatabase database) {
        List<String> log = new CopyOnWriteArrayList<>();
        try (LiveSession live = database.session(SequelizeOptions.options().logging(log::add))) {
            Model accounts = accounts(live);
            accounts.create(Map.of("email", "ann@x", "name", "Ann")).join();
            log.clear();

            FindOrCreateResult result = await(accounts.findOrCreate(options().where(Map.of("email", "ann@x")),
                    Map.of("name", "Other")));

            assertThat(result.created()).isFalse();
            assertThat(result.instance().get("name")).isEqualTo("Ann");
            assertThat(log).noneMatch(line -> line.contains("INSERT"));
            assertThat(accounts.count().join()).isEqualTo(1L);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aMissingRowIsCreatedFromTheWhereAndTheDefaults(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model accounts = accounts(live);

            FindOrCreateResult result = await(accounts.findOrCreate(options().where(Map.of("email", "bob@x")),
                    Map.of("name", "Bob")));

            assertThat(result.created()).isTrue();
            assertThat(result.instance().get("email")).isEqualTo("bob@x");
            assertThat(result.instance().get("name")).isEqualTo("Bob");
            assertThat(result.instance().get("plan")).isEqualTo("free");
            Object id = result.instance().get("id");
            assertThat(id).isNotNull();
            var stored = accounts.findByPk(id).join().orElseThrow();
            assertThat(stored.dataValues()).isEqualTo(result.instance().dataValues());

            FindOrCreateResult again = await(accounts.findOrCreate(options().where(Map.of("email", "bob@x"))));
            assertThat(again.created()).isFalse();
            assertThat(again.instance().get("id")).isEqualTo(id);
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void insideTheCallersTransactionItIsASavepointUndoneWithTheTransaction(LiveDatabase database) {
        List<String> log = new CopyOnWriteArrayList<>();
        try (LiveSession live = database.session(SequelizeOptions.options().logging(log::add))) {
            Model accounts = accounts(live);
            Transaction t = await(live.sequelize().transaction());

            FindOrCreateResult result = await(accounts.findOrCreate(options().where(Map.of("email", "cy@x")),
                    Map.of("name", "Cy"), t));
            assertThat(result.created()).isTrue();
            assertThat(await(accounts.findOrCreate(options().where(Map.of("email", "cy@x")), t)).created()).isFalse();
            await(t.rollback());

            assertThat(log).anyMatch(line -> line.contains("SAVEPOINT"));
            assertThat(accounts.count().join()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aUniqueViolationOnAnotherRowFailsAndLeavesNothing(LiveDatabase database) {
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false))) {
            Model accounts = accounts(live);
            accounts.create(Map.of("email", "dee@x", "name", "Dee")).join();

            // No row is named Dea, but the row to create collides with Dee's email.
            failure(accounts.findOrCreate(options().where(Map.of("name", "Dea")), Map.of("email", "dee@x")),
                    UniqueConstraintError.class);

            assertThat(accounts.findAll().join()).singleElement().satisfies(dee -> assertThat(dee.get("name")).isEqualTo("Dee"));
            // The connection went back to the pool clean: the next call works.
            assertThat(await(accounts.findOrCreate(options().where(Map.of("email", "dea@x")))).created()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void badInputIsRefusedBeforeAnySql(LiveDatabase database) {
        List<String> log = new CopyOnWriteArrayList<>();
        try (LiveSession live = database.session(SequelizeOptions.options().logging(log::add))) {
            Model accounts = accounts(live);
            log.clear();

            assertThat(failure(accounts.findOrCreate(options()), ValidationError.class).getMessage())
                    .startsWith("findOrCreate needs a where");
            assertThat(failure(accounts.findOrCreate(options().where(Map.of("email", Map.of("$like", "%@x")))),
                    ValidationError.class).getMessage()).contains("give email in defaults");
            assertThat(failure(accounts.findOrCreate(options().where(Map.of("email", "e@x")), Map.of("nmae", "E")),
                    ValidationError.class).getMessage()).contains("nmae");
            assertThat(failure(accounts.findOrCreate(options().where(Map.of("email", "e@x")), (Map<String, ?>) null),
                    ValidationError.class).getMessage()).isEqualTo("findOrCreate: defaults must not be null");
            assertThat(log).isEmpty();
        }
    }

    // ---- the race -----------------------------------------------------------------------------------

    /**
     * A JDBC executor whose transactions run, once armed, a given step just before their next INSERT is
     * sent, and send the INSERT only when that step has completed: the known point of the race.
     */
    private static final class RaceExecutor implements Executor {
        private final JdbcExecutor delegate;
        private final AtomicReference<Supplier<CompletableFuture<?>>> beforeNextInsert = new AtomicReference<>();

        RaceExecutor(ConnectionSettings settings) {
            this.delegate = new JdbcExecutor(settings, SequelizeOptions.options().pool());
        }

        void beforeNextInsert(Supplier<CompletableFuture<?>> step) {
            beforeNextInsert.set(step);
        }

        boolean fired() {
            return beforeNextInsert.get() == null;
        }

        @Override
        public CompletableFuture<QueryResult> execute(Sql sql) {
            return delegate.execute(sql);
        }

        @Override
        public CompletableFuture<QueryResult> execute(Sql sql, StatementKind kind) {
            return delegate.execute(sql, kind);
        }

        @Override
        public CompletableFuture<ReservedConnection> reserve() {
            return delegate.reserve().thenApply(connection -> new ReservedConnection() {
                @Override
                public CompletableFuture<QueryResult> execute(Sql sql) {
                    return execute(sql, StatementKind.RAW);
                }

                @Override
                public CompletableFuture<QueryResult> execute(Sql sql, StatementKind kind) {
                    Supplier<CompletableFuture<?>> step = kind == StatementKind.INSERT ? beforeNextInsert.getAndSet(null) : null;
                    if (step == null) {
                        return connection.execute(sql, kind);
                    }
                    return step.get().orTimeout(BOUND_SECONDS, TimeUnit.SECONDS)
                            .thenCompose(ignored -> connection.execute(sql, kind));
                }

                @Override
                public void release() {
                    connection.release();
                }

                @Override
                public void discard() {
                    connection.discard();
                }
            });
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** This call's Sequelize on the race executor, and the other session's, on the same table. */
    private record Race(Sequelize mine, Model myAccounts, Sequelize theirs, Model theirAccounts, RaceExecutor executor,
                        List<String> log) implements AutoCloseable {
        static Race on(LiveSession live) {
            Model table = accounts(live);
            List<String> log = new CopyOnWriteArrayList<>();
            SequelizeOptions options = SequelizeOptions.options().logging(log::add);
            RaceExecutor executor = new RaceExecutor(live.sequelize().settings());
            Sequelize mine = new Sequelize(live.database().dialect(), executor, options);
            Sequelize theirs = live.database().open(SequelizeOptions.options().logging(false));
            ModelOptions sameTable = ModelOptions.options().timestamps(false).tableName(table.getTableName());
            return new Race(mine, mine.define("account", ACCOUNT, sameTable),
                    theirs, theirs.define("account", ACCOUNT, sameTable), executor, log);
        }

        /** The other session inserts and commits Eve's row just before this call's INSERT. */
        void armed() {
            executor.beforeNextInsert(() -> theirAccounts.create(Map.of("email", "eve@x", "name", "theirs")));
        }

        @Override
        public void close() {
            try {
                mine.close();
            } finally {
                theirs.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void aRowAnotherSessionInsertsBetweenTheSelectAndTheInsertIsFoundNotCreated(LiveDatabase database) {
        assumeFalse(database == LiveDatabase.SQLITE, "SQLite has one writer: while findOrCreate's transaction is"
                + " open no other session can commit, so the race cannot happen (and :memory: has one connection)");
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false));
             Race race = Race.on(live)) {
            race.armed();

            FindOrCreateResult result = await(race.myAccounts().findOrCreate(options().where(Map.of("email", "eve@x")),
                    Map.of("name", "mine")));

            assertThat(race.executor().fired()).isTrue();
            assertThat(result.created()).isFalse();
            assertThat(result.instance().get("name")).isEqualTo("theirs");
            assertThat(race.log()).anyMatch(line -> line.contains("INSERT INTO"));
            assertThat(race.log()).anyMatch(line -> line.endsWith("ROLLBACK;"));
            assertThat(race.theirAccounts().findAll().join()).singleElement()
                    .satisfies(eve -> assertThat(eve.get("name")).isEqualTo("theirs"));
        }
    }

    @ParameterizedTest
    @EnumSource(LiveDatabase.class)
    void inTheCallersTransactionTheLostRaceRollsBackOnlyTheSavepoint(LiveDatabase database) {
        assumeFalse(database == LiveDatabase.SQLITE, "SQLite has one writer: the race cannot happen there");
        try (LiveSession live = database.session(SequelizeOptions.options().logging(false));
             Race race = Race.on(live)) {
            Transaction t = await(race.mine().transaction());
            race.armed();

            FindOrCreateResult result = await(race.myAccounts().findOrCreate(options().where(Map.of("email", "eve@x")),
                    Map.of("name", "mine"), t));
            assertThat(result.created()).isFalse();
            assertThat(result.instance().get("name")).isEqualTo("theirs");
            // The caller's transaction goes on: its own row commits with it.
            await(race.myAccounts().create(Map.of("email", "fay@x", "name", "Fay"), t));
            await(t.commit());

            assertThat(race.log()).anyMatch(line -> line.contains("ROLLBACK TO SAVEPOINT"));
            // Looked up again with a shared lock (FOR SHARE, LOCK IN SHARE MODE): the latest committed row.
            assertThat(race.log()).anyMatch(line -> line.startsWith("Executing") && line.contains("SELECT")
                    && line.contains("SHARE"));
            assertThat(race.theirAccounts().findAll(options().order("email", "ASC")).join().stream()
                    .map(row -> row.get("name")).toList()).containsExactly("theirs", "Fay");
        }
    }
}
