package dev.sequelj.render;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What was rendered for the shapes seen lately (the SQL of statement shapes, the prepared SQL of finder
 * shapes), at most {@link #CAPACITY} of them: two generations
 * of at most half that each. New shapes go into the young generation; when it is full it becomes the old
 * one and the previous old one is dropped, so a shape in use is kept (a hit in the old generation moves it
 * back to the young) and one no longer used is dropped within two generations. Safe for concurrent use: a
 * race renders a shape twice, never wrongly.
 *
 * @param <K> the shape: a reader probed with is turned into one the cache may keep by {@code keep}
 * @param <V> what the cache keeps for it
 */
final class ShapeCache<K, V> {
    /** The most shapes kept. */
    static final int CAPACITY = 4096;

    private final UnaryOperator<K> keep;
    private volatile ConcurrentHashMap<K, V> young = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<K, V> old = new ConcurrentHashMap<>();

    /** @param keep the shape to keep for a probe: a copy without the caller's values */
    ShapeCache(UnaryOperator<K> keep) {
        this.keep = keep;
    }

    /** What is kept for this shape, or null when it is not cached. */
    V get(K shape) {
        V template = young.get(shape);
        if (template == null) {
            template = old.get(shape);
            if (template != null) {
                put(keep.apply(shape), template);
            }
        }
        return template;
    }

    /** Keeps what was rendered for a shape (kept without values: a cache must not hold a caller's values). */
    void put(K shape, V template) {
        ConcurrentHashMap<K, V> current = young;
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
