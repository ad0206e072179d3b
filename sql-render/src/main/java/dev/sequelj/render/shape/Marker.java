package dev.sequelj.render.shape;

/** A shape token that equals only itself, named for {@code toString()}. */
final class Marker {
    private final String name;
    /** Its hash, kept: read for every token of every shape. */
    final int hash;

    Marker(String name) {
        this.name = name;
        this.hash = name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
