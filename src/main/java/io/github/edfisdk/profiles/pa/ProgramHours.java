package io.github.edfisdk.profiles.pa;

import static io.github.edfisdk.profiles.pa.PimsField.*;

import io.github.edfisdk.profiles.ViolationSink;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Field 19 against Field 18 across the rows of one program. The seed: "Percent equals cumulative total program
 * instructional hours successfully completed (Field 18) divided by total technical hours for the entire secondary
 * program as approved in [CATS] or total program hours for the entire Adult Affidavit CIP, multiplied by 100".
 * The file does not carry that total, and the seed gives no figure, but it is one number per program, so every row of
 * a program (AUN, CIP SCHOOL NUMBER, CIP, secondary or AAP) must imply the same total: hours × 100 / percent, within
 * the rounding of a two-decimal percentage (±0.01). The total most rows agree with is taken as the program's; a row
 * that implies another is reported, naming a row that agrees. AAP Young Farmers are left out (they report 1.00).
 */
final class ProgramHours {
    static final String RULE_TEXT = "Percent equals cumulative total program instructional hours successfully"
            + " completed (Field 18) divided by total technical hours for the entire program, multiplied by 100";
    private static final double PERCENT_TOLERANCE = 0.01;

    private ProgramHours() {
    }

    /** A row's bounds on its program's total hours. */
    private record Bounds(int index, PimsRecord row, double low, double high) {
    }

    /**
     * Reports the rows (among {@code candidates}, indexes into {@code rows} of rows that meet every row rule) whose
     * hours and percentage imply another total than most rows of their program.
     *
     * @return the indexes of the reported rows
     */
    static List<Integer> disagreeing(List<PimsRecord> rows, List<Integer> candidates, ViolationSink sink) {
        Map<String, List<Bounds>> byProgram = new LinkedHashMap<>();
        for (int i : candidates) {
            PimsRecord r = rows.get(i);
            Bounds b = bounds(i, r);
            if (b != null) {
                byProgram.computeIfAbsent(programKey(r), k -> new ArrayList<>()).add(b);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (List<Bounds> program : byProgram.values()) {
            if (program.size() < 2) {
                continue;
            }
            double total = mostAgreedTotal(program);
            Bounds agreeing = program.stream().filter(b -> covers(b, total)).findFirst().orElseThrow();
            for (Bounds b : program) {
                if (!covers(b, total)) {
                    out.add(b.index());
                    PimsRecord r = b.row();
                    sink.at(r.file(), r.line());
                    sink.report(PimsField.label(PERCENT_COMPLETE), PimsCteProfile.RULE_PERCENT_OF_HOURS, RULE_TEXT
                            + "; " + r.get(PROGRAM_HOURS) + " hours at " + r.get(PERCENT_COMPLETE) + " % make the"
                            + " program's total " + range(b.low(), b.high()) + " hours, but line " + agreeing.row().line()
                            + " (" + agreeing.row().get(PROGRAM_HOURS) + " hours, " + agreeing.row().get(PERCENT_COMPLETE)
                            + " %) and the other rows of this program agree with " + range(total, total)
                            + " total hours (CIP SCHOOL NUMBER " + r.get(CIP_SCHOOL_NUMBER) + ", CIP " + r.get(CIP_CODE)
                            + ", " + (r.isAdultAffidavit() ? "adult affidavit" : "secondary") + ")");
                }
            }
        }
        return out;
    }

    private static String programKey(PimsRecord r) {
        return r.get(SUBMITTING_AUN) + "|" + r.get(CIP_SCHOOL_NUMBER) + "|" + r.get(CIP_CODE) + "|"
                + (r.isAdultAffidavit() ? "AAP" : "secondary");
    }

    /** The totals that agree with the row; null when it bounds nothing (no hours, or Young Farmers). */
    private static Bounds bounds(int index, PimsRecord r) {
        if (PimsCteProfile.isYoungFarmer(r)) {
            return null;
        }
        double hours = new BigDecimal(r.get(PROGRAM_HOURS)).doubleValue();
        double percent = new BigDecimal(r.get(PERCENT_COMPLETE)).doubleValue();
        if (hours <= 0) {
            return null; // 0 hours is 0 %, whatever the total (checked row by row)
        }
        double low = hours * 100 / (percent + PERCENT_TOLERANCE);
        double high = percent <= PERCENT_TOLERANCE ? Double.POSITIVE_INFINITY : hours * 100 / (percent - PERCENT_TOLERANCE);
        return new Bounds(index, r, low, high);
    }

    /** A total inside the most rows' bounds (a sweep over the bounds' ends; the earliest such point). */
    private static double mostAgreedTotal(List<Bounds> program) {
        List<double[]> events = new ArrayList<>(); // {position, +1 start / -1 end}
        for (Bounds b : program) {
            events.add(new double[] {b.low(), +1});
            events.add(new double[] {b.high(), -1});
        }
        // Starts before ends at one position: bounds are closed, so touching bounds agree.
        events.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparing(e -> -e[1]));
        int open = 0;
        int best = -1;
        double at = program.get(0).low();
        for (int i = 0; i < events.size(); i++) {
            double[] e = events.get(i);
            open += (int) e[1];
            if (e[1] > 0 && open > best) {
                best = open;
                // The middle of the stretch where this many bounds overlap, to stay clear of rounding at its ends.
                double end = i + 1 < events.size() ? events.get(i + 1)[0] : e[0];
                at = Double.isInfinite(end) ? e[0] : (e[0] + end) / 2;
            }
        }
        return at;
    }

    private static boolean covers(Bounds b, double total) {
        return b.low() <= total && total <= b.high();
    }

    private static String range(double low, double high) {
        if (Double.isInfinite(high)) {
            return String.format(Locale.ROOT, "at least %.0f", low);
        }
        if (Math.round(low) == Math.round(high)) {
            return String.format(Locale.ROOT, "about %d", Math.round(low));
        }
        return String.format(Locale.ROOT, "%.0f to %.0f", low, high);
    }
}
