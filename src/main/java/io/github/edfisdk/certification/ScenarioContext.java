package io.github.edfisdk.certification;

import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the scenario tables leave to the tester: the school year, the descriptor namespace and the values the
 * system assigns.
 *
 * <p><b>School year.</b> Ed-Fi names a school year by the calendar year it ends in: school year 2025 is 2024-2025
 * (the {@code schoolYear} of SchoolYearType). The pages use {@code [Current School Year]} both as that number
 * ({@code schoolYearTypeReference.schoolYear}) and as the year of dates, and their dates run from August
 * ({@code 8/23}) to the next summer ({@code 5/23}, {@code 07/16}). So a date's calendar year is
 * {@code schoolYear - 1} for months from {@link #schoolYearStartMonth()} (July by default) to December, and
 * {@code schoolYear} for January to June: with school year 2025, {@code 8/23/[Current School Year]} is 2024-08-23
 * and {@code 5/23/[Current School Year]} is 2025-05-23.
 *
 * <p><b>System values.</b> Cells such as {@code ["207220" if possible | system value]} or
 * {@code [System calculated value | 3]} take the value the tester's system assigned. Give it with
 * {@link Builder#systemValue(String, String)} keyed by the suggested value ("207220"), by the property path
 * ("courseReference.courseCode") or by the placeholder text ("[System Value]"), looked up in that order; or accept the suggested values with
 * {@link Builder#acceptSuggestedSystemValues(boolean)}. Without either the value is reported as missing, never
 * guessed. Other placeholders ({@code [High School calendarCode]}, "Future Date") are given the same way.
 */
public final class ScenarioContext {
    /** The namespace the certification pages use for descriptors ("informational": use your governing one). */
    public static final String ED_FI_NAMESPACE = "uri://ed-fi.org";

    private final int schoolYear;
    private final Month schoolYearStartMonth;
    private final String descriptorNamespace;
    private final LocalDate today;
    private final boolean acceptSuggestedSystemValues;
    private final boolean generateSystemValues;
    private final Map<String, String> systemValues;

    private ScenarioContext(Builder b) {
        this.schoolYear = b.schoolYear;
        this.schoolYearStartMonth = b.schoolYearStartMonth;
        this.descriptorNamespace = b.descriptorNamespace;
        this.today = b.today;
        this.acceptSuggestedSystemValues = b.acceptSuggestedSystemValues;
        this.generateSystemValues = b.generateSystemValues;
        this.systemValues = Map.copyOf(b.systemValues);
    }

    /** The school year in progress on {@code today} (July starts the next one), Ed-Fi namespace, nothing else. */
    public static ScenarioContext forDate(LocalDate today) {
        return builder().today(today).schoolYear(schoolYearOf(today, Month.JULY)).build();
    }

    /** {@link #forDate(LocalDate)} with the system clock's date. */
    public static ScenarioContext defaults() {
        return forDate(LocalDate.now());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this context's settings. */
    public Builder toBuilder() {
        Builder b = new Builder().schoolYear(schoolYear).schoolYearStartMonth(schoolYearStartMonth)
                .descriptorNamespace(descriptorNamespace).today(today)
                .acceptSuggestedSystemValues(acceptSuggestedSystemValues)
                .generateSystemValues(generateSystemValues);
        b.systemValues.putAll(systemValues);
        return b;
    }

    /** The school year whose months contain {@code date}. */
    public static int schoolYearOf(LocalDate date, Month startMonth) {
        return date.getMonthValue() >= startMonth.getValue() ? date.getYear() + 1 : date.getYear();
    }

    /** {@code [Current School Year]} as a number, e.g. 2025 for 2024-2025. */
    public int schoolYear() {
        return schoolYear;
    }

    public Month schoolYearStartMonth() {
        return schoolYearStartMonth;
    }

    /** The date of month/day within the current school year (see the class comment). */
    public LocalDate dateInSchoolYear(int month, int day) {
        int year = month >= schoolYearStartMonth.getValue() ? schoolYear - 1 : schoolYear;
        return LocalDate.of(year, month, day);
    }

    /** The namespace descriptor URIs are built in, default {@code uri://ed-fi.org}. */
    public String descriptorNamespace() {
        return descriptorNamespace;
    }

    /** "Current Date" on the pages. */
    public LocalDate today() {
        return today;
    }

    public boolean acceptSuggestedSystemValues() {
        return acceptSuggestedSystemValues;
    }

    /**
     * Whether the SDK, acting as the vendor's system (a send-mode dry run), assigns the values nobody gave: system
     * values without a suggestion, placeholders such as {@code [High School calendarCode]}, "Future Date" (a year
     * after today).
     */
    public boolean generateSystemValues() {
        return generateSystemValues;
    }

    /** The first value given for one of the keys (suggested value, property path, placeholder text ...). */
    public Optional<String> systemValue(String... keys) {
        for (String k : keys) {
            if (k != null && systemValues.containsKey(k)) {
                return Optional.of(systemValues.get(k));
            }
        }
        return Optional.empty();
    }

    public Map<String, String> systemValues() {
        return systemValues;
    }

    @Override
    public String toString() {
        return "ScenarioContext[schoolYear=" + schoolYear + ", namespace=" + descriptorNamespace + ", today=" + today
                + ", systemValues=" + systemValues.keySet() + "]";
    }

    /** Builds a {@link ScenarioContext}. */
    public static final class Builder {
        private int schoolYear;
        private Month schoolYearStartMonth = Month.JULY;
        private String descriptorNamespace = ED_FI_NAMESPACE;
        private LocalDate today = LocalDate.now();
        private boolean acceptSuggestedSystemValues;
        private boolean generateSystemValues;
        private final Map<String, String> systemValues = new LinkedHashMap<>();

        private Builder() {
            schoolYear = schoolYearOf(today, Month.JULY);
        }

        /** The Ed-Fi school year, e.g. 2025 for 2024-2025. */
        public Builder schoolYear(int schoolYear) {
            if (schoolYear < 1900 || schoolYear > 2999) {
                throw new IllegalArgumentException("school year " + schoolYear + " is not a year like 2025");
            }
            this.schoolYear = schoolYear;
            return this;
        }

        /** The first month of a school year (July by default): dates from it to December fall in the first year. */
        public Builder schoolYearStartMonth(Month month) {
            this.schoolYearStartMonth = month;
            return this;
        }

        /** E.g. {@code uri://your-state.edu}; a trailing slash is ignored. */
        public Builder descriptorNamespace(String namespace) {
            String n = namespace.trim();
            this.descriptorNamespace = n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
            return this;
        }

        public Builder today(LocalDate today) {
            this.today = today;
            return this;
        }

        /** Use "X" of {@code ["X" if possible | system value]} when no system value is given. */
        public Builder acceptSuggestedSystemValues(boolean accept) {
            this.acceptSuggestedSystemValues = accept;
            return this;
        }

        /**
         * Assign the values nobody gave (system values without a suggestion, placeholders, "Future Date") as the
         * vendor's system would; given values and accepted suggestions come first. Off by default.
         */
        public Builder generateSystemValues(boolean generate) {
            this.generateSystemValues = generate;
            return this;
        }

        /** A value for a placeholder ("[High School calendarCode]"), a suggested value ("207220") or a path. */
        public Builder systemValue(String key, String value) {
            systemValues.put(key, value);
            return this;
        }

        public ScenarioContext build() {
            return new ScenarioContext(this);
        }
    }
}
