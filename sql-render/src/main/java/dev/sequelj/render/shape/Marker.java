package dev.sequelj.render.shape;

/** A shape token that equals only itself, named for {@code toString()}. */
final class Marker {
    private final String name;

    Marker(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
