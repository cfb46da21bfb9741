package io.github.edfisdk.profiles.in;

import io.github.edfisdk.model.DescriptorUri;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Indiana's Reason Exited codes (Infinite Campus program exit reasons) and their ReasonExitedDescriptor values: the
 * code is the descriptor's code value in the state's namespace.
 */
public final class IndianaReasonExited {
    /** Code value of "End of Year (EOY)". */
    public static final String END_OF_YEAR = "EOY";

    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("1", "Transferred to Regular Education (no longer eligible or parent revoked consent)");
        DESCRIPTIONS.put("2", "Attained the goals identified in the students individual service plan (ISP)");
        DESCRIPTIONS.put("3", "Made satisfactory progress toward goals identified in the ISP");
        DESCRIPTIONS.put("4", "Did not make satisfactory progress toward goals in their ISP but remained in the"
                + " program");
        DESCRIPTIONS.put("5", "Transferred / returned to other school setting prior to completing the alternative"
                + " education program");
        DESCRIPTIONS.put("6", "Dropped out of alternative education program, not returning to any educational setting");
        DESCRIPTIONS.put("7", "Expelled from alternative education program, not returned to any educational setting");
        DESCRIPTIONS.put("11", "Earned High School Diploma");
        DESCRIPTIONS.put("12", "Received Certificate");
        DESCRIPTIONS.put("13", "Reached Maximum Age of 22");
        DESCRIPTIONS.put("16", "Moved, Known to be continuing in an Educational Program");
        DESCRIPTIONS.put("17", "Moved, but continuing Special Education services under IDEA in Indiana");
        DESCRIPTIONS.put("99", "No Longer Qualifies");
        DESCRIPTIONS.put(END_OF_YEAR, "End of Year (EOY)");
    }

    private IndianaReasonExited() {
    }

    /** The canonical code for a Campus code: "1".."99", or "EOY" (also accepted as "End Of Year (EOY)"). */
    public static Optional<String> code(String campusCode) {
        if (campusCode == null) {
            return Optional.empty();
        }
        String c = campusCode.trim();
        if (c.equalsIgnoreCase("End Of Year (EOY)") || c.equalsIgnoreCase("End of Year")) {
            return Optional.of(END_OF_YEAR);
        }
        c = c.toUpperCase(Locale.ROOT).replaceFirst("^0+(?=\\d)", "");
        return DESCRIPTIONS.containsKey(c) ? Optional.of(c) : Optional.empty();
    }

    public static Optional<String> description(String campusCode) {
        return code(campusCode).map(DESCRIPTIONS::get);
    }

    /** {@code namespace/ReasonExitedDescriptor#code}. */
    public static String descriptor(String namespace, String campusCode) {
        String code = code(campusCode).orElseThrow(() -> new IllegalArgumentException("'" + campusCode
                + "' is not an Indiana Reason Exited code (" + String.join(", ", DESCRIPTIONS.keySet()) + ")"));
        return DescriptorUri.of(namespace, "ReasonExitedDescriptor", code).toString();
    }

    /** The known codes, in the order of the state's table. */
    public static Iterable<String> codes() {
        return DESCRIPTIONS.keySet();
    }
}
