package dev.sequelj.ast.expression;

/** The binary comparisons a where clause can make. How each is spelled is the dialect's business. */
public enum ComparisonOperator {
    EQ, NE, GT, GTE, LT, LTE, LIKE, NOT_LIKE
}
