package dev.sequelj.executor.request;

import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.Statement;

import java.util.List;

/**
 * A model method call read from a request: the model it is called on, the method, its arguments in the
 * Java API's form, and the statements Sequelize sends for it, in the order they are sent ({@code sync({force: true})} is a DROP TABLE,
 * then a CREATE TABLE). Render each with {@code SqlRenderer.renderAll(statement, dialect)}.
 *
 * @param model      the model the method is called on
 * @param method     the model method: {@code sync}, {@code drop}, {@code create}, a finder ({@code findAll}, ...),
 *                   a write ({@code bulkCreate}, {@code update}, {@code destroy}, ...), or a QueryInterface
 *                   method such as {@code queryInterface.addColumn}
 * @param arguments  the method's arguments, read and checked, as the {@code Model} method takes them
 * @param statements the statements, in execution order; empty only where Sequelize sends nothing
 *                   ({@code findByPk} of a null key, a {@code bulkCreate} of no rows, an {@code update} with
 *                   no values). Some are sent only on a condition: the INSERT of {@code findOrCreate} follows
 *                   only when its SELECT finds no row. A statement may take several SQL statements on a
 *                   dialect: render with {@code SqlRenderer.renderAll}
 */
public record ModelCall(ModelDefinition model, String method, CallArguments arguments, List<Statement> statements) {
    public ModelCall {
        statements = List.copyOf(statements);
    }
}
