package io.github.edfisdk.load;

/**
 * An open-addressing map of 64-bit keys to 64-bit values: the landed-record journal keeps one entry per record, so a
 * million records cost 32 MB instead of the ~200 MB of a {@code HashMap<String, String>}. Key 0 is reserved (mapped
 * to 1 on the way in). Not thread-safe; callers synchronize.
 */
final class LongLongMap {
    private long[] keys;
    private long[] values;
    private int size;

    LongLongMap() {
        keys = new long[1 << 10];
        values = new long[1 << 10];
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or {@code missing} when absent. */
    long get(long key, long missing) {
        key = key == 0 ? 1 : key;
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return missing;
            }
        }
    }

    void put(long key, long value) {
        key = key == 0 ? 1 : key;
        if ((size + 1) * 2L > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            if (keys[i] == 0) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "LongLongMap[size=" + size + ", capacity=" + keys.length + "]";
    }
}
