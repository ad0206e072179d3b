package dev.sequelj.executor.cli;

import dev.sequelj.ast.error.ConfigurationError;
import dev.sequelj.render.dialect.Dialect;
import dev.sequelj.render.dialect.Dialects;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import picocli.CommandLine;

import java.util.Iterator;

/**
 * The value of {@code --dialect}: one of Sequelize's dialect names, or {@code all} for the five in
 * Sequelize's order (postgres, mysql, mariadb, sqlite, mssql).
 *
 * @param dialects the dialects to render for, in output order
 * @param all      whether {@code all} was asked for, so that the output names each dialect
 */
record DialectSelection(Seq<Dialect> dialects, boolean all) {

    static DialectSelection parse(String name) {
        if (name.equals("all")) {
            return new DialectSelection(Dialects.all(), true);
        }
        try {
            return new DialectSelection(Vector.of(Dialects.forName(name)), false);
        } catch (ConfigurationError e) {
            throw new CommandLine.TypeConversionException("unknown dialect '" + name + "'; expected one of "
                    + String.join(", ", new Candidates()));
        }
    }

    /** For picocli: converts the option's text. */
    static final class Converter implements CommandLine.ITypeConverter<DialectSelection> {
        @Override
        public DialectSelection convert(String value) {
            return parse(value);
        }
    }

    /** For picocli's help: the names {@code --dialect} takes. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Dialects.all().map(Dialect::name).append("all").iterator();
        }
    }
}
