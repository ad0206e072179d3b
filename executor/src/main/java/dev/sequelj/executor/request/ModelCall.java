package dev.sequelj.executor.request;

import dev.sequelj.ast.model.ModelDefinition;
import dev.sequelj.ast.statement.Statement;

import java.util.List;

/**
 * A model method call read from a request: the model it is called on, the method, and the statements
 * Sequelize sends for it, in the order they are sent ({@code sync({force: true})} is a DROP TABLE,
 * then a CREATE TABLE). Render each with {@code SqlRenderer.render(statement, dialect)}.
 *
 * @param model      the model the method is called on
 * @param method     {@code sync}, {@code drop}, {@code create}, {@code findAll}, {@code findOne}, or a
 *                   QueryInterface method such as {@code queryInterface.addColumn}
 * @param statements the statements, in execution order; never empty
 */
public record ModelCall(ModelDefinition model, String method, List<Statement> statements) {
    public ModelCall {
        statements = List.copyOf(statements);
    }
}
