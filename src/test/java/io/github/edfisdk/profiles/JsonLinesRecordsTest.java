package io.github.edfisdk.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesRecordsTest {
    @Test
    void everyLineIsAccountedForAndBadLinesDoNotStopTheWalk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("records.jsonl");
        Files.writeString(file, "\uFEFF{\"a\":1}\r\n\n   \n{\"a\":\n\"text\"\n{\"a\":2}", StandardCharsets.UTF_8);
        List<Long> checkedLines = new ArrayList<>();
        List<RuleViolation> v = JsonLinesRecords.check(file, (record, sink) -> {
            checkedLines.add(sink.line());
            if (record.get("a").getAsInt() == 2) {
                sink.report("$.a", "test.rule", "a must not be 2");
            }
        });
        assertEquals(List.of(1L, 6L), checkedLines, "BOM, CRLF and blank lines are handled");
        assertEquals(List.of(4L, 5L, 6L), v.stream().map(RuleViolation::line).toList());
        assertEquals(List.of(JsonLinesRecords.MALFORMED, JsonLinesRecords.MALFORMED, "test.rule"),
                v.stream().map(RuleViolation::rule).toList());
        assertTrue(v.get(0).message().startsWith("Line is not valid JSON"), v.get(0).message());
        assertEquals(file.toString(), v.get(2).file());
    }
}
