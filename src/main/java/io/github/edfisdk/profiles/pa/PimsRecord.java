package io.github.edfisdk.profiles.pa;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One row of a PIMS "CTE Student Fact" file: the 36 positions as written (trimmed), numbered 1 to 36 as in the seed.
 * Immutable; {@link #with} returns a copy.
 *
 * @param file   the file the row came from, or "-" when built in memory
 * @param line   1-based line in that file, 0 when built in memory
 * @param values the 36 values, index 0 = field 1
 */
public record PimsRecord(String file, long line, List<String> values) {
    public PimsRecord {
        Objects.requireNonNull(file, "file");
        values = List.copyOf(values);
        if (values.size() != PimsField.COUNT) {
            throw new IllegalArgumentException("A CTE Student Fact row has " + PimsField.COUNT + " fields, not "
                    + values.size());
        }
    }

    /** A row built in memory; {@code values} are fields 1 to 36. */
    public static PimsRecord of(String... values) {
        return new PimsRecord("-", 0, Arrays.asList(values));
    }

    /** An in-memory row with every position empty. */
    public static PimsRecord empty() {
        String[] v = new String[PimsField.COUNT];
        Arrays.fill(v, "");
        return of(v);
    }

    /** Field {@code n} (1-based, as the seed numbers them). */
    public String get(int field) {
        PimsField.check(field);
        return values.get(field - 1);
    }

    /** A copy with field {@code n} set to {@code value}. */
    public PimsRecord with(int field, String value) {
        PimsField.check(field);
        String[] v = values.toArray(String[]::new);
        v[field - 1] = Objects.requireNonNull(value, "value");
        return new PimsRecord(file, line, Arrays.asList(v));
    }

    /** Secondary students are reported with delivery method 70 or 75. */
    public boolean isSecondary() {
        String m = get(PimsField.DELIVERY_METHOD_CODE);
        return m.equals(PimsDeliveryMethod.PROGRAM_OF_STUDY) || m.equals(PimsDeliveryMethod.CAREER_AND_TECHNICAL);
    }

    /** Adult affidavit program (AAP) students are reported with delivery method 80. */
    public boolean isAdultAffidavit() {
        return get(PimsField.DELIVERY_METHOD_CODE).equals(PimsDeliveryMethod.ADULT_AFFIDAVIT_PROGRAM);
    }
}
