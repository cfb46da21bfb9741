package io.github.edfisdk.load;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.NaturalKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * 64-bit fingerprints of a record's natural key and of its content (the first 8 bytes of SHA-256). At 64 bits two
 * different records of a million-record load share a fingerprint with a probability of about 3 in 100 million.
 */
final class RecordHashes {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private RecordHashes() {
    }

    /** The key's fingerprint: resource name and canonical natural key (case-insensitive where the API is). */
    static long key(NaturalKey key) {
        return of(key.resource() + "\n" + key.canonical());
    }

    /** The content's fingerprint: the document as it is sent. */
    static long content(String body) {
        return of(body);
    }

    static long content(JsonObject document) {
        return of(document.toString());
    }

    private static long of(String text) {
        byte[] d = SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xFF);
        }
        return h;
    }
}
