package io.github.edfisdk.profiles.in;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One FRAM (free and reduced-price meals) eligibility record of Infinite Campus.
 *
 * @param type              Meal or SES (both count)
 * @param status            the eligibility
 * @param startDate         start date
 * @param endDate           end date, null when open
 * @param reasonExitedCode  the exit reason selected on the program (Indiana code, e.g. "99", "EOY"), null when none
 */
public record FramEligibility(Type type, Status status, LocalDate startDate, LocalDate endDate,
                              String reasonExitedCode) {
    public enum Type { MEAL, SES }

    public enum Status {
        FREE, REDUCED, PAID;

        public boolean freeOrReduced() {
            return this == FREE || this == REDUCED;
        }
    }

    public FramEligibility {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startDate, "startDate");
    }

    /** An open Meal eligibility record. */
    public static FramEligibility meal(Status status, LocalDate startDate) {
        return new FramEligibility(Type.MEAL, status, startDate, null, null);
    }

    /** Whether the record is active on {@code date}. */
    public boolean activeOn(LocalDate date) {
        return !startDate.isAfter(date) && (endDate == null || !endDate.isBefore(date));
    }
}
