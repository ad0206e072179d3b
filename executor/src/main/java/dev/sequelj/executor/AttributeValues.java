package dev.sequelj.executor;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An instance's values by attribute name, one array slot per name of a key order shared by many instances
 * (a {@code bulkCreate}'s 100,000 rows share their model's attribute names): an instance then costs an
 * array of values instead of a {@link LinkedHashMap} with an entry object per attribute.
 *
 * <p>It behaves as the {@code LinkedHashMap} it stands for: iteration in the key order, nulls kept as values,
 * a value put for a name already there changing it in place. Anything else (a name outside the key order, a
 * removal) turns it into a {@code LinkedHashMap} of the same entries for good, so the map stays one object:
 * a view of it ({@code ModelInstance.dataValues()}) follows every change. Its iterators cannot remove; an
 * instance never removes through them.
 *
 * <pre>{@code
 * AttributeValues.Keys keys = AttributeValues.keys(new String[] {"id", "name"});
 * Map<String, Object> row = keys.values(new Object[] {1, "Ann"});   // {id=1, name=Ann}
 * }</pre>
 */
final class AttributeValues extends AbstractMap<String, Object> {

    /** Names in order and each name's slot: made once, shared by every row of that order. */
    static final class Keys {
        private final String[] names;
        private final HashMap<String, Integer> slots;

        private Keys(String[] names) {
            this.names = names.clone();
            this.slots = new HashMap<>((int) (names.length / 0.75f) + 1);
            for (int i = 0; i < names.length; i++) {
                if (slots.put(names[i], i) != null) {
                    throw new IllegalArgumentException("name " + names[i] + " is given twice");
                }
            }
        }

        int size() {
            return names.length;
        }

        /** A row of these keys holding {@code values} (taken as they are, not copied; one per key). */
        AttributeValues values(Object[] values) {
            if (values.length != names.length) {
                throw new IllegalArgumentException(values.length + " values for " + names.length + " keys");
            }
            return new AttributeValues(this, values);
        }
    }

    static Keys keys(String[] names) {
        return new Keys(names);
    }

    private Keys keys;
    private Object[] values;
    /** Every entry, once a change went beyond the key order; then {@code keys} and {@code values} are null. */
    private LinkedHashMap<String, Object> spilled;

    private AttributeValues(Keys keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    private int slot(Object name) {
        Integer slot = keys.slots.get(name);
        return slot == null ? -1 : slot;
    }

    private LinkedHashMap<String, Object> spill() {
        if (spilled == null) {
            LinkedHashMap<String, Object> all = new LinkedHashMap<>((int) (values.length / 0.75f) + 1);
            for (int i = 0; i < values.length; i++) {
                all.put(keys.names[i], values[i]);
            }
            spilled = all;
            keys = null;
            values = null;
        }
        return spilled;
    }

    @Override
    public int size() {
        return spilled != null ? spilled.size() : values.length;
    }

    @Override
    public boolean containsKey(Object name) {
        return spilled != null ? spilled.containsKey(name) : slot(name) >= 0;
    }

    @Override
    public Object get(Object name) {
        if (spilled != null) {
            return spilled.get(name);
        }
        int slot = slot(name);
        return slot < 0 ? null : values[slot];
    }

    @Override
    public Object put(String name, Object value) {
        if (spilled == null) {
            int slot = slot(name);
            if (slot >= 0) {
                Object before = values[slot];
                values[slot] = value;
                return before;
            }
        }
        return spill().put(name, value);
    }

    @Override
    public Object remove(Object name) {
        return spilled == null && !containsKey(name) ? null : spill().remove(name);
    }

    @Override
    public void clear() {
        spill().clear();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return spilled != null ? spilled.entrySet() : new Entries();
    }

    /** The entries in key order, read from the arrays as they are when iterated. */
    private final class Entries extends AbstractSet<Entry<String, Object>> {
        @Override
        public int size() {
            return AttributeValues.this.size();
        }

        @Override
        public Iterator<Entry<String, Object>> iterator() {
            if (spilled != null) {
                return spilled.entrySet().iterator();
            }
            String[] names = keys.names;
            Object[] row = values;
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < names.length;
                }

                @Override
                public Entry<String, Object> next() {
                    if (next >= names.length) {
                        throw new NoSuchElementException();
                    }
                    int slot = next++;
                    return new SimpleImmutableEntry<>(names[slot], row[slot]);
                }
            };
        }
    }
}
