package dev.sequelj.render.shape;

/**
 * Stands in for a value in a statement's shape ({@link StatementShape#strip}): the value at {@code index}
 * of the statement's {@link StatementShape#values() values}. Rendering a shape writes a {@code ?} for it
 * and notes where the bound value comes from, so the text can be reused for any statement of that shape.
 *
 * @param index the position of the value in {@link StatementShape#values()}
 */
public record Slot(int index) {}
