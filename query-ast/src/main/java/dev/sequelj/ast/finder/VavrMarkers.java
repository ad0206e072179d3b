package dev.sequelj.ast.finder;

/**
 * Loads the empty marker classes Vavr's {@code Option.some} and {@code Either.left}/{@code right} name in the
 * signatures of the constructors they call. Vavr 0.10 is compiled for Java 8, where an outer class reaches a
 * nested class's private constructor through a synthetic one taking such a marker ({@code Option$1},
 * {@code Either$1}); the marker is never instantiated, so never loaded, and HotSpot's C2 does not inline a
 * method whose signature names a class not loaded. Every {@code Option.some} then was a real call and its
 * {@code Some} could never be optimized away. Loading them runs nothing: they are empty.
 */
final class VavrMarkers {
    private VavrMarkers() {}

    static void load() {
        for (String marker : new String[] {"io.vavr.control.Option$1", "io.vavr.control.Either$1"}) {
            try {
                Class.forName(marker, false, VavrMarkers.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // Another Vavr build: nothing to load, nothing lost but a little speed.
            }
        }
    }
}
