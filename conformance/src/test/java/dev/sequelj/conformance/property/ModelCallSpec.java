package dev.sequelj.conformance.property;

import dev.sequelj.ast.finder.FindStatements;
import dev.sequelj.ast.finder.WriteStatements;
import dev.sequelj.ast.finder.TableStatements;
import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.Statement;

import java.time.Instant;
import java.util.Map;

/**
 * A random model method call, kept as the recipe it was made from: {@link #build()} makes the statement
 * afresh on every call (so two builds are separately built, equal statements), and a failing case
 * prints as the call, not as a tree of records.
 */
public sealed interface ModelCallSpec {

    /** The model the method is called on. */
    ModelDefinition model();

    /** The statement Sequelj sends for the call, built anew. */
    Statement build();

    /** {@code Model.findAll(options)}. */
    record FindAll(ModelDefinition model, FindSpec find) implements ModelCallSpec {
        @Override
        public Statement build() {
            return FindStatements.findAll(model, find.options());
        }
    }

    /** {@code Model.findOne(options)}. */
    record FindOne(ModelDefinition model, FindSpec find) implements ModelCallSpec {
        @Override
        public Statement build() {
            return FindStatements.findOne(model, find.options());
        }
    }

    /** {@code Model.create(values)}, stamped at {@code now}. */
    record Create(ModelDefinition model, Map<String, Object> values, Instant now) implements ModelCallSpec {
        @Override
        public Statement build() {
            return WriteStatements.create(model, values, now);
        }
    }

    /** The CREATE TABLE of {@code Model.sync()}. */
    record Sync(ModelDefinition model) implements ModelCallSpec {
        @Override
        public Statement build() {
            return TableStatements.createTable(model);
        }
    }

    /** {@code Model.drop()}, with CASCADE as {@code sync({force: true})} asks for it. */
    record Drop(ModelDefinition model, boolean cascade) implements ModelCallSpec {
        @Override
        public Statement build() {
            return TableStatements.dropTable(model, cascade);
        }
    }
}
