package dev.sequelj.ast.statement;

import io.vavr.control.Option;

/** A selected column, {@code "first_name" AS "firstName"} when the attribute is stored under another name. */
public record SelectColumn(String column, Option<String> alias) {}
