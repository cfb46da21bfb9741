package io.github.edfisdk.profiles.pa;

import static io.github.edfisdk.profiles.pa.PimsField.*;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Synthetic PIMS CTE Student Fact files: secondary and AAP rows over two AUNs and seven schools, each student in up
 * to four schools, AAP students repeated with another CIP, Young Farmers, and every 97th row broken in one of twelve ways (a rule, the layout, a duplicate).
 */
public final class PimsFiles {
    /** What was written: every row as written (valid or not) and the lines that must be reported. */
    public record Generated(Path file, List<PimsRecord> validRows, Set<Long> invalidLines, Set<String> schools,
                            Set<String> students) {
    }

    /** The total hours of every generated program. */
    public static final int PROGRAM_TOTAL_HOURS = 1080;
    private static final String[] AUNS = {"123456789", "100000001"};
    private static final String[] CIPS = {"015999", "470604", "460302", "511801", "120401", "320105"};

    private PimsFiles() {
    }

    public static Generated write(Path file, int rows, String delimiter) throws IOException {
        List<PimsRecord> valid = new ArrayList<>();
        Set<Long> invalid = new LinkedHashSet<>();
        Set<String> schools = new LinkedHashSet<>();
        Set<String> students = new LinkedHashSet<>();
        PimsRecord previous = null;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                long line = i + 1;
                PimsRecord r = row(i);
                String text = String.join(delimiter, r.values());
                if (i % 97 == 13) {
                    int kind = (i / 97) % 12;
                    if (kind == 11 && previous != null && previous.isSecondary()) {
                        r = previous.with(CIP_CODE, previous.get(CIP_CODE).equals("470604") ? "015999" : "470604");
                    } else {
                        r = broken(r, kind);
                    }
                    text = kind == 10 ? String.join(delimiter, r.values().subList(0, 35))
                            : String.join(delimiter, r.values());
                    invalid.add(line);
                } else {
                    valid.add(new PimsRecord(file.toString(), line, r.values()));
                    schools.add(r.get(SUBMITTING_AUN) + "|" + r.get(CIP_SCHOOL_NUMBER));
                    students.add(r.get(PASECUREID));
                    previous = r;
                }
                w.write(text);
                w.write("\r\n");
            }
        }
        return new Generated(file, valid, invalid, schools, students);
    }

    /**
     * A valid row. Rows 4k..4k+3 are one student: an AAP program (4k), then secondary programs at three other
     * schools; every 20 rows the AAP row is instead the previous student's second AAP CIP.
     */
    static PimsRecord row(int i) {
        boolean adult = i % 4 == 0;
        int studentIndex = adult && i % 20 == 4 ? i / 4 - 1 : i / 4;
        String cip = adult && i % 20 == 4 ? CIPS[(i / 4 + 1) % CIPS.length] : CIPS[(i / 4) % CIPS.length];
        boolean youngFarmers = adult && i % 40 == 8;
        if (youngFarmers) {
            cip = PimsCteProfile.YOUNG_FARMERS_CIP;
        }
        String school = Integer.toString(1000 + i % 7);
        String status = adult ? "80" : List.of("30", "40", "60", "10", "22").get(i % 5);
        String taskList = adult ? "N/A" : switch (status) {
            case "30", "40" -> "Y";
            case "60" -> i % 2 == 0 ? "Y" : "N";
            default -> "N/A";
        };
        // Every program has 1080 total hours, so hours and percentage agree (Field 19 = Field 18 / 1080 × 100), and
        // the Perkins flags follow the hours (participant 240, concentrator 480).
        String hours = String.format("%d.%02d", i % 1080, i % 100);
        double hoursValue = Double.parseDouble(hours);
        String percent = new java.math.BigDecimal(hours).multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(PROGRAM_TOTAL_HOURS), 2, java.math.RoundingMode.HALF_UP).toPlainString();
        boolean concentrator = !adult && i % 3 == 0 && hoursValue >= 480;
        String[] v = new String[COUNT];
        java.util.Arrays.fill(v, "");
        v[SUBMITTING_AUN - 1] = AUNS[i % 2];
        v[SCHOOL_YEAR_DATE - 1] = "2026-06-30";
        v[PASECUREID - 1] = Long.toString(1_000_000_000L + studentIndex);
        v[CIP_SCHOOL_NUMBER - 1] = school;
        v[STUDENT_SCHOOL_NUMBER - 1] = school;
        v[CIP_CODE - 1] = cip;
        v[DELIVERY_METHOD_CODE - 1] = adult ? "80" : (i % 2 == 0 ? "70" : "75");
        v[REPORTING_DATE - 1] = "2026-06-30";
        v[CTE_STATUS_TYPE_CODE - 1] = status;
        v[COMPLETION_PLAN_CODE - 1] = "N/A";
        for (int k = 0; k < LEARNING_COMPONENTS.size(); k++) {
            v[LEARNING_COMPONENTS.get(k) - 1] = (i >> k) % 3 == 0 ? "Y" : "N";
        }
        v[PROGRAM_HOURS - 1] = hours;
        v[PERCENT_COMPLETE - 1] = youngFarmers ? "1.00" : percent;
        v[POSTSECONDARY_CREDITS - 1] = adult ? "0.00" : String.format("%d.%02d", i % 30, i % 4 * 25);
        v[PELL_GRANT - 1] = adult ? (i % 8 == 0 ? "Y" : "N") : (i % 3 == 1 ? "N" : "");
        v[TASK_LIST_COMPLETION - 1] = taskList;
        v[PERKINS_CONCENTRATOR - 1] = concentrator ? "Y" : "N";
        v[PERKINS_PARTICIPANT - 1] = concentrator || (i % 5 == 1 && (adult || hoursValue >= 240)) ? "Y" : "N";
        v[CERTIFICATE_OF_APPRENTICESHIP - 1] = adult && i % 12 == 0 ? "APP" : (i % 11 == 0 ? "PRE" : "");
        v[DEGREE_AWARDED - 1] = i % 13 == 0 ? "ASSOC" : (i % 17 == 0 ? "BACCA" : "");
        v[ADULT_CREDIT_EQUIVALENCY - 1] = adult && i % 8 == 4 ? String.format("%d.50", i % 40) : "";
        return PimsRecord.of(v);
    }

    private static PimsRecord broken(PimsRecord r, int kind) {
        return switch (kind) {
            case 0 -> r.with(SUBMITTING_AUN, "12345");
            case 1 -> r.with(SCHOOL_YEAR_DATE, "2026-06-29");
            case 2 -> r.with(CIP_CODE, "01.5999");
            case 3 -> r.with(DELIVERY_METHOD_CODE, "71");
            case 4 -> r.with(9, "X");
            case 5 -> r.with(COMPLETION_PLAN_CODE, "");
            case 6 -> r.with(PROGRAM_HOURS, "12.345");
            case 7 -> r.with(PERCENT_COMPLETE, "101.00");
            case 8 -> r.with(PERKINS_CONCENTRATOR, "Y").with(PERKINS_PARTICIPANT, "N")
                    .with(DELIVERY_METHOD_CODE, "75").with(CTE_STATUS_TYPE_CODE, "10").with(TASK_LIST_COMPLETION, "N/A")
                    .with(CERTIFICATE_OF_APPRENTICESHIP, "").with(ADULT_CREDIT_EQUIVALENCY, "");
            case 9 -> r.with(PASECUREID, "12345678901");
            case 10 -> r; // written with 35 fields
            default -> r.with(STUDENT_SCHOOL_NUMBER, "9999"); // kind 11 without a secondary row before it
        };
    }
}
