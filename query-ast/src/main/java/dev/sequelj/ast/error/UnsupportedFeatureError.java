package dev.sequelj.ast.error;

/**
 * The statement asks for something the target dialect cannot express. Sequelj refuses instead of
 * silently dropping the clause (Sequelize returns an empty LIMIT on old SQL Server, for example).
 */
public class UnsupportedFeatureError extends SequeljError {
    public UnsupportedFeatureError(String message) {
        super(message);
    }
}
