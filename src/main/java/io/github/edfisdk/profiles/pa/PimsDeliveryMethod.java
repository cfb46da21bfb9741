package io.github.edfisdk.profiles.pa;

import java.util.LinkedHashMap;
import java.util.Map;

/** Field 7, DELIVERY METHOD CODE: 70 and 75 for secondary programs, 80 for registered adult affidavit programs. */
public final class PimsDeliveryMethod {
    public static final String PROGRAM_OF_STUDY = "70";
    public static final String CAREER_AND_TECHNICAL = "75";
    public static final String ADULT_AFFIDAVIT_PROGRAM = "80";

    /** Code to the seed's name, in the seed's order. */
    public static final Map<String, String> NAMES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PROGRAM_OF_STUDY, "Program of Study");
        m.put(CAREER_AND_TECHNICAL, "Career and Technical");
        m.put(ADULT_AFFIDAVIT_PROGRAM, "Adult Affidavit Program");
        NAMES = Map.copyOf(m);
    }

    private PimsDeliveryMethod() {
    }
}
