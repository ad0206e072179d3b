package dev.sequelj.ast.error;

/**
 * Bad input found before any SQL is built or sent: an unknown attribute, a value of the wrong type,
 * null into an attribute that does not allow it, an operator that makes no sense for its value.
 *
 * <pre>{@code
 * try { users.create(Map.of("age", "ten")).join(); }
 * catch (CompletionException e) { ValidationError v = (ValidationError) e.getCause(); }
 * }</pre>
 */
public class ValidationError extends SequeljError {
    public ValidationError(String message) {
        super(message);
    }
}
