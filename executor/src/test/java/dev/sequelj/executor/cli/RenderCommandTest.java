package dev.sequelj.executor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.sequelj.executor.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sequelj render}: outputs, exit codes and messages, run through picocli as the launcher runs it. */
class RenderCommandTest {
    /** The example of issue 3's contract. */
    private static final String FIND_ALL = """
            { "models": { "user": { "attributes": { "id": {"type": "INTEGER", "primaryKey": true, "autoIncrement": true},
                                                     "firstName": "STRING", "age": {"type": "INTEGER", "allowNull": false} },
                                    "options": { "timestamps": true } } },
              "model": "user",
              "method": "findAll",
              "args": [ { "where": { "age": { "$gt": 18 }, "$or": [ {"firstName": "a"}, {"firstName": {"$like": "b%"}} ] },
                          "order": [["createdAt", "DESC"]], "limit": 10 } ] }
            """;
    private static final String CREATE = """
            {"models": {"user": {"attributes": {"firstName": "STRING", "age": {"type": "INTEGER", "allowNull": false}}}},
             "model": "user", "method": "create", "args": [{"firstName": "O'Brien \\\\ Zoë 😀", "age": 30}]}
            """;

    @Test
    void printsTheStatementsOfOneDialectOnePerLine() {
        CliRun run = run(FIND_ALL, "render", "--dialect", "postgres");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("SELECT \"id\", \"firstName\", \"age\", \"createdAt\", \"updatedAt\" FROM \"users\" AS \"user\""
                + " WHERE \"user\".\"age\" > ? AND (\"user\".\"firstName\" = ? OR \"user\".\"firstName\" LIKE ?)"
                + " ORDER BY \"user\".\"createdAt\" DESC LIMIT ?;\n");
    }

    @Test
    void dialectAllNamesEachBlockInSequelizesOrder() {
        CliRun run = run(FIND_ALL, "render", "-d", "all", "--inline");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("""
                -- postgres
                SELECT "id", "firstName", "age", "createdAt", "updatedAt" FROM "users" AS "user" WHERE "user"."age" > 18 AND ("user"."firstName" = 'a' OR "user"."firstName" LIKE 'b%') ORDER BY "user"."createdAt" DESC LIMIT 10;

                -- mysql
                SELECT `id`, `firstName`, `age`, `createdAt`, `updatedAt` FROM `users` AS `user` WHERE `user`.`age` > 18 AND (`user`.`firstName` = 'a' OR `user`.`firstName` LIKE 'b%') ORDER BY `user`.`createdAt` DESC LIMIT 10;

                -- mariadb
                SELECT `id`, `firstName`, `age`, `createdAt`, `updatedAt` FROM `users` AS `user` WHERE `user`.`age` > 18 AND (`user`.`firstName` = 'a' OR `user`.`firstName` LIKE 'b%') ORDER BY `user`.`createdAt` DESC LIMIT 10;

                -- sqlite
                SELECT `id`, `firstName`, `age`, `createdAt`, `updatedAt` FROM `users` AS `user` WHERE `user`.`age` > 18 AND (`user`.`firstName` = 'a' OR `user`.`firstName` LIKE 'b%') ORDER BY `user`.`createdAt` DESC LIMIT 10;

                -- mssql
                SELECT [id], [firstName], [age], [createdAt], [updatedAt] FROM [users] AS [user] WHERE [user].[age] > 18 AND ([user].[firstName] = N'a' OR [user].[firstName] LIKE N'b%') ORDER BY [user].[createdAt] DESC OFFSET 0 ROWS FETCH NEXT 10 ROWS ONLY;
                """);
    }

    @Test
    void inlineEscapesValuesPerDialect() {
        assertThat(run(CREATE, "render", "--dialect", "postgres", "--inline").out()).isEqualTo(
                "INSERT INTO \"users\" (\"id\",\"firstName\",\"age\",\"createdAt\",\"updatedAt\")"
                        + " VALUES (DEFAULT,E'O''Brien \\\\ Zoë 😀',30,'2024-01-15 10:30:45.123 +00:00','2024-01-15 10:30:45.123 +00:00')"
                        + " RETURNING \"id\",\"firstName\",\"age\",\"createdAt\",\"updatedAt\";\n");
        assertThat(run(CREATE, "render", "--dialect", "mysql", "--inline").out()).isEqualTo(
                "INSERT INTO `users` (`id`,`firstName`,`age`,`createdAt`,`updatedAt`)"
                        + " VALUES (DEFAULT,'O''Brien \\\\ Zoë 😀',30,'2024-01-15 10:30:45','2024-01-15 10:30:45');\n");
        assertThat(run(CREATE, "render", "--dialect", "mssql", "--inline").out()).isEqualTo(
                "INSERT INTO [users] ([firstName],[age],[createdAt],[updatedAt])"
                        + " OUTPUT INSERTED.[id],INSERTED.[firstName],INSERTED.[age],INSERTED.[createdAt],INSERTED.[updatedAt]"
                        + " VALUES (N'O''Brien \\ Zoë 😀',30,N'2024-01-15 10:30:45.123 +00:00',N'2024-01-15 10:30:45.123 +00:00');\n");
    }

    @Test
    void jsonHoldsTheSqlAndItsParamsAsJsonValuesWithDatesAsText() {
        CliRun run = run(CREATE, "render", "--dialect", "postgres", "--json");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("""
                {
                  "postgres": [ {
                    "sql": "INSERT INTO \\"users\\" (\\"id\\",\\"firstName\\",\\"age\\",\\"createdAt\\",\\"updatedAt\\") VALUES (DEFAULT,?,?,?,?) RETURNING \\"id\\",\\"firstName\\",\\"age\\",\\"createdAt\\",\\"updatedAt\\";",
                    "params": [ "O'Brien \\\\ Zoë 😀", 30, "2024-01-15 10:30:45.123 +00:00", "2024-01-15 10:30:45.123 +00:00" ]
                  } ]
                }
                """);
    }

    @Test
    void jsonForAllDialectsHasOneKeyPerDialectAndMysqlDatesAreItsWallClock() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run(CREATE, "render", "--dialect", "all", "--json").out());

        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("postgres", "mysql", "mariadb", "sqlite", "mssql");
        assertThat(json.get("mysql").get(0).get("params").toString())
                .isEqualTo("[\"O'Brien \\\\ Zoë 😀\",30,\"2024-01-15 10:30:45\",\"2024-01-15 10:30:45\"]");
        assertThat(json.get("mssql").get(0).get("sql").asText()).isEqualTo(
                "INSERT INTO [users] ([firstName],[age],[createdAt],[updatedAt])"
                        + " OUTPUT INSERTED.[id],INSERTED.[firstName],INSERTED.[age],INSERTED.[createdAt],INSERTED.[updatedAt] VALUES (?,?,?,?);");
    }

    /** A create of every value type the data types bind: decimal, double, bytes, date, time, UUID, JSON, array. */
    private static String typedCreate(boolean withArray) {
        return """
                {"models": {"item": {"attributes": {"price": "DECIMAL(10,2)", "ratio": "DOUBLE", "day": "DATEONLY",
                   "at": "TIME", "key": "UUID", "meta": "JSON", "data": "BLOB"%s}, "options": {"timestamps": false}}},
                 "model": "item", "method": "create", "args": [{"price": "12.50", "ratio": 0.5, "day": "2024-01-15",
                   "at": "10:30:00", "key": "00000000-0000-4000-8000-000000000001", "meta": {"a": [1, true]}, "data": "hi"%s}]}
                """.formatted(withArray ? ", \"tags\": \"ARRAY(DataTypes.INTEGER)\"" : "", withArray ? ", \"tags\": [1, 2]" : "");
    }

    @Test
    void everyBoundTypeHasAnInlineLiteralAndAJsonForm() {
        assertThat(run(typedCreate(true), "render", "--dialect", "postgres", "--inline").out()).isEqualTo(
                "INSERT INTO \"items\" (\"id\",\"price\",\"ratio\",\"day\",\"at\",\"key\",\"meta\",\"data\",\"tags\")"
                        + " VALUES (DEFAULT,12.50,0.5,'2024-01-15','10:30:00','00000000-0000-4000-8000-000000000001',"
                        + "CAST('{\"a\":[1,true]}' AS JSON),E'\\\\x6869','{1,2}')"
                        + " RETURNING \"id\",\"price\",\"ratio\",\"day\",\"at\",\"key\",\"meta\",\"data\",\"tags\";\n");
        assertThat(run(typedCreate(false), "render", "--dialect", "mysql", "--inline").out()).isEqualTo(
                "INSERT INTO `items` (`id`,`price`,`ratio`,`day`,`at`,`key`,`meta`,`data`)"
                        + " VALUES (DEFAULT,12.50,0.5,'2024-01-15','10:30:00','00000000-0000-4000-8000-000000000001',"
                        + "'{\"a\":[1,true]}',X'6869');\n");
        assertThat(run(typedCreate(false), "render", "--dialect", "mssql", "--inline").out()).isEqualTo(
                "INSERT INTO [items] ([price],[ratio],[day],[at],[key],[meta],[data]) OUTPUT INSERTED.[id],INSERTED.[price],"
                        + "INSERTED.[ratio],INSERTED.[day],INSERTED.[at],INSERTED.[key],INSERTED.[meta],INSERTED.[data]"
                        + " VALUES (12.50,0.5,N'2024-01-15',N'10:30:00',N'00000000-0000-4000-8000-000000000001',"
                        + "N'{\"a\":[1,true]}',0x6869);\n");
        assertThat(run(typedCreate(false), "render", "--dialect", "sqlite", "--inline").out()).isEqualTo(
                "INSERT INTO `items` (`id`,`price`,`ratio`,`day`,`at`,`key`,`meta`,`data`)"
                        + " VALUES (NULL,12.50,0.5,'2024-01-15','10:30:00','00000000-0000-4000-8000-000000000001',"
                        + "'{\"a\":[1,true]}',X'6869');\n");
        // Compared as text: a JSON tree would turn the exact 12.50 into the double 12.5.
        assertThat(run(typedCreate(true), "render", "--dialect", "postgres", "--json").out()).isEqualTo("""
                {
                  "postgres": [ {
                    "sql": "INSERT INTO \\"items\\" (\\"id\\",\\"price\\",\\"ratio\\",\\"day\\",\\"at\\",\\"key\\",\\"meta\\",\\"data\\",\\"tags\\") VALUES (DEFAULT,?,?,?,?,?,CAST(? AS JSON),?,?) RETURNING \\"id\\",\\"price\\",\\"ratio\\",\\"day\\",\\"at\\",\\"key\\",\\"meta\\",\\"data\\",\\"tags\\";",
                    "params": [ 12.50, 0.5, "2024-01-15", "10:30:00", "00000000-0000-4000-8000-000000000001", "{\\"a\\":[1,true]}", "6869", "{1,2}" ]
                  } ]
                }
                """);
        assertThat(run(typedCreate(false), "render", "--dialect", "mysql", "--json").out()).isEqualTo("""
                {
                  "mysql": [ {
                    "sql": "INSERT INTO `items` (`id`,`price`,`ratio`,`day`,`at`,`key`,`meta`,`data`) VALUES (DEFAULT,?,?,?,?,?,?,?);",
                    "params": [ 12.50, 0.5, "2024-01-15", "10:30:00", "00000000-0000-4000-8000-000000000001", "{\\"a\\":[1,true]}", "6869" ]
                  } ]
                }
                """);
    }

    @Test
    void jsonWithInlineHasEmptyParams() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run(FIND_ALL, "render", "--dialect", "sqlite", "--json", "--inline").out());

        assertThat(json.get("sqlite").get(0).get("params").isEmpty()).isTrue();
        assertThat(json.get("sqlite").get(0).get("sql").asText()).isEqualTo(
                "SELECT `id`, `firstName`, `age`, `createdAt`, `updatedAt` FROM `users` AS `user` WHERE `user`.`age` > 18"
                        + " AND (`user`.`firstName` = 'a' OR `user`.`firstName` LIKE 'b%') ORDER BY `user`.`createdAt` DESC LIMIT 10;");
    }

    @Test
    void aCallOfSeveralStatementsPrintsEachOnItsLine() {
        String sync = """
                {"models": {"tag": {"attributes": {"label": "STRING"}, "options": {"timestamps": false}}},
                 "model": "tag", "method": "sync", "args": [{"force": true}]}
                """;
        assertThat(run(sync, "render", "--dialect", "mssql").out()).isEqualTo("""
                IF OBJECT_ID(N'[tags]', 'U') IS NOT NULL DROP TABLE [tags];
                IF OBJECT_ID(N'[tags]', 'U') IS NULL CREATE TABLE [tags] ([id] INTEGER NOT NULL IDENTITY(1,1), [label] NVARCHAR(255) NULL, PRIMARY KEY ([id]));
                """);
    }

    @Test
    void nowFixesTheTimestampsCreateStamps() {
        CliRun run = run(CREATE, "render", "--dialect", "sqlite", "--inline", "--now", "2030-02-03T04:05:06.789Z");

        assertThat(run.out()).isEqualTo("INSERT INTO `users` (`id`,`firstName`,`age`,`createdAt`,`updatedAt`)"
                + " VALUES (NULL,'O''Brien \\ Zoë 😀',30,'2030-02-03 04:05:06.789 +00:00','2030-02-03 04:05:06.789 +00:00');\n");
    }

    @Test
    void theRequestCanBeAFile(@TempDir Path dir) throws Exception {
        Path request = dir.resolve("request.json");
        Files.writeString(request, FIND_ALL, StandardCharsets.UTF_8);

        CliRun run = run("", "render", "--dialect", "postgres", request.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(run(FIND_ALL, "render", "--dialect", "postgres").out());
    }

    // ---- bad requests: exit 2, the message on standard error, nothing on standard output ------------

    @Test
    void aBadRequestExitsTwoNamingTheJsonPath() {
        String request = FIND_ALL.replace("\"$gt\"", "\"$gtt\"");

        CliRun run = run(request, "render", "--dialect", "all");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("args[0].where.age.$gtt: unknown operator; did you mean $gt?\n");
    }

    @Test
    void badJsonEmptyInputAndAMissingFileAreBadRequests(@TempDir Path dir) {
        CliRun notJson = run("{\"models\": ", "render", "--dialect", "sqlite");
        assertThat(notJson.exit()).isEqualTo(2);
        assertThat(notJson.err()).startsWith("request: not valid JSON: ");

        CliRun empty = run(" \n", "render", "--dialect", "sqlite");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).isEqualTo("request: empty; expected one JSON request on standard input or in the REQUEST file\n");

        Path missing = dir.resolve("missing.json");
        CliRun noFile = run("", "render", "--dialect", "sqlite", missing.toString());
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).isEqualTo("request: cannot read " + missing + ": java.nio.file.NoSuchFileException: " + missing + "\n");
    }

    @Test
    void aValueADialectCannotWriteFailsTheWholeRunNamingTheDialect() {
        String nul = CREATE.replace("Zoë", "\\u0000");

        CliRun run = run(nul, "render", "--dialect", "all", "--inline");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("postgres: postgres cannot store the NUL character (U+0000) in text;"
                + " the string value 'O'Brien \\ \\0 😀' holds one at index 10; remove it, or use a BLOB (bytea) attribute"
                + " for binary data\n");
        // Bound, the value is a param like any other (PostgreSQL itself refuses it when executed).
        assertThat(run(nul, "render", "--dialect", "sqlite", "--inline").out()).contains("('O''Brien \\ ' || char(0) || ' 😀')");
    }

    // ---- usage errors: picocli's message and usage, exit 2 ------------------------------------------

    @Test
    void anUnknownDialectIsAUsageError() {
        CliRun run = run(FIND_ALL, "render", "--dialect", "oracle");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Invalid value for option '--dialect': unknown dialect 'oracle';"
                + " expected one of postgres, mysql, mariadb, sqlite, mssql, all\nUsage: sequelj render ");
    }

    @Test
    void aMissingDialectOrSubcommandIsAUsageError() {
        CliRun noDialect = run(FIND_ALL, "render");
        assertThat(noDialect.exit()).isEqualTo(2);
        assertThat(noDialect.err()).startsWith("Missing required option: '--dialect=<dialect>'\nUsage: sequelj render ");

        CliRun noSubcommand = run(FIND_ALL);
        assertThat(noSubcommand.exit()).isEqualTo(2);
        assertThat(noSubcommand.err()).startsWith("Missing required subcommand\nUsage: sequelj ");

        CliRun unknownOption = run(FIND_ALL, "render", "--dialect", "sqlite", "--inlin");
        assertThat(unknownOption.exit()).isEqualTo(2);
        assertThat(unknownOption.err()).isEqualTo("Unknown option: '--inlin'\nPossible solutions: --inline\n");
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        CliRun run = run("", "render", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: sequelj render [-h] [--inline] [--json] -d=<dialect> [--now=<instant>]");
        assertThat(run.out()).contains("Exit codes:");
        assertThat(run(" ", "help", "render").out()).isEqualTo(run.out());
    }
}
