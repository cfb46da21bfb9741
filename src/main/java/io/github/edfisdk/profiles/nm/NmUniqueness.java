package io.github.edfisdk.profiles.nm;

import com.google.gson.JsonObject;
import io.github.edfisdk.profiles.ViolationSink;
import java.util.Map;

/** "One record per student and enrollment period" across the records of one file. */
final class NmUniqueness {
    private NmUniqueness() {
    }

    static void check(JsonObject record, ViolationSink sink, Map<String, Long> firstLineByKey, String rule) {
        Long first = firstLineByKey.putIfAbsent(NmRecordKeys.comparable(record), sink.line());
        if (first != null) {
            sink.report("$", rule, "A single record is published for each student and each enrollment period: line "
                    + first + " already has " + NmRecordKeys.enrollmentPeriod(record));
        }
    }
}
