package dev.sequelj.ast.model;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where {@link DataTypes#UUIDV1} and {@link DataTypes#UUIDV4} defaults come from when a row is created.
 * {@link #RANDOM} is what Sequelize does (the npm {@code uuid} package's v1 and v4);
 * {@link #sequential()} counts, for output that must be the same on every run.
 *
 * <pre>{@code
 * WriteStatements.create(user, Map.of("name", "Ann"), Instant.now(), UuidGenerator.sequential());
 * }</pre>
 */
public interface UuidGenerator {
    /** RFC 4122 version 1 (time and node) and version 4 (random) UUIDs. */
    UuidGenerator RANDOM = new Random();

    /** A time-based (version 1) UUID. */
    UUID v1();

    /** A random (version 4) UUID. */
    UUID v4();

    /**
     * UUIDs counted from 1, as the Sequelize oracle fixes them: v4 {@code 00000000-0000-4000-8000-000000000001},
     * v1 {@code 00000000-0000-1000-8000-000000000001}, one counter for both.
     */
    static UuidGenerator sequential() {
        AtomicLong counter = new AtomicLong();
        return new UuidGenerator() {
            @Override
            public UUID v1() {
                return UUID.fromString(String.format("00000000-0000-1000-8000-%012d", counter.incrementAndGet()));
            }

            @Override
            public UUID v4() {
                return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", counter.incrementAndGet()));
            }
        };
    }

    /** The default generator: {@link UUID#randomUUID()} for v4, the clock and a random node for v1. */
    final class Random implements UuidGenerator {
        /** 100-nanosecond intervals between the Gregorian reform (1582-10-15) and the Unix epoch. */
        private static final long GREGORIAN_OFFSET = 0x01B21DD213814000L;
        private final SecureRandom random = new SecureRandom();
        private final long node = random.nextLong() & 0xFFFFFFFFFFFFL | 0x010000000000L; // multicast bit: not a MAC
        private final AtomicLong lastTimestamp = new AtomicLong();
        private final int clockSequence = random.nextInt(1 << 14);

        private Random() {}

        @Override
        public UUID v1() {
            long now = System.currentTimeMillis() * 10_000 + GREGORIAN_OFFSET;
            // Strictly increasing within this generator, so two UUIDs of one millisecond differ.
            long timestamp = lastTimestamp.updateAndGet(last -> Math.max(last + 1, now));
            long high = (timestamp << 32) | ((timestamp >>> 16) & 0xFFFF0000L) | 0x1000L | ((timestamp >>> 48) & 0x0FFFL);
            long low = (0x8000L | clockSequence) << 48 | node;
            return new UUID(high, low);
        }

        @Override
        public UUID v4() {
            return UUID.randomUUID();
        }
    }
}
