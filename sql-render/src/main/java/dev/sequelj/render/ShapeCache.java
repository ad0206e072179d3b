package dev.sequelj.render;

import dev.sequelj.render.shape.StatementShape;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The rendered SQL of the statement shapes seen lately, at most {@link #CAPACITY} of them: two generations
 * of at most half that each. New shapes go into the young generation; when it is full it becomes the old
 * one and the previous old one is dropped, so a shape in use is kept (a hit in the old generation moves it
 * back to the young) and one no longer used is dropped within two generations. Safe for concurrent use: a
 * race renders a shape twice, never wrongly.
 */
final class ShapeCache {
    /** The most shapes kept. */
    static final int CAPACITY = 4096;

    private volatile ConcurrentHashMap<StatementShape, SqlTemplate> young = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<StatementShape, SqlTemplate> old = new ConcurrentHashMap<>();

    /** The template of this shape, or null when it is not cached. */
    SqlTemplate get(StatementShape shape) {
        SqlTemplate template = young.get(shape);
        if (template == null) {
            template = old.get(shape);
            if (template != null) {
                put(shape.withoutValues(), template);
            }
        }
        return template;
    }

    /** Keeps the template of a shape (read without values: a cache must not hold a caller's values). */
    void put(StatementShape shape, SqlTemplate template) {
        ConcurrentHashMap<StatementShape, SqlTemplate> current = young;
        if (current.size() >= CAPACITY / 2) {
            synchronized (this) {
                if (young == current) {
                    old = current;
                    young = new ConcurrentHashMap<>();
                }
                current = young;
            }
        }
        current.put(shape, template);
    }

    /** How many shapes are kept now (both generations; a shape in both counts twice). */
    int size() {
        return young.size() + old.size();
    }

    void clear() {
        synchronized (this) {
            young = new ConcurrentHashMap<>();
            old = new ConcurrentHashMap<>();
        }
    }
}
