package io.github.edfisdk.profiles;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations of the record currently being checked, stamping each with its file and line. */
public final class ViolationSink {
    private final List<RuleViolation> violations = new ArrayList<>();
    private String file;
    private long line;

    public ViolationSink(String file, long line) {
        this.file = file;
        this.line = line;
    }

    /** A sink for records built in memory (file "-", line 0). */
    public static ViolationSink inMemory() {
        return new ViolationSink("-", 0);
    }

    /** Moves to the next record of the same file. */
    public void at(String file, long line) {
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public void report(String field, String rule, String message) {
        violations.add(new RuleViolation(file, line, field, rule, message));
    }

    /** How many violations were reported so far (cheaper than {@code violations().size()}). */
    public int size() {
        return violations.size();
    }

    public List<RuleViolation> violations() {
        return List.copyOf(violations);
    }
}
