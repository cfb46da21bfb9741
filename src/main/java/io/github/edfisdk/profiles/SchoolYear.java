package io.github.edfisdk.profiles;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The reporting window of one school year, both ends inclusive. State profiles use it for "within the current school
 * year" and for clamping program dates.
 *
 * @param firstDay first day of the school year
 * @param lastDay  last day of the school year
 */
public record SchoolYear(LocalDate firstDay, LocalDate lastDay) {
    public SchoolYear {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("School year ends (" + lastDay + ") before it starts ("
                    + firstDay + ")");
        }
    }

    /**
     * The July 1 to June 30 year Ed-Fi uses, named by the calendar year it starts in: {@code startingIn(2024)} is
     * 2024-2025.
     */
    public static SchoolYear startingIn(int startYear) {
        return new SchoolYear(LocalDate.of(startYear, 7, 1), LocalDate.of(startYear + 1, 6, 30));
    }

    /** The calendar year the school year starts in (Indiana's "startYear"). */
    public int startYear() {
        return firstDay.getYear();
    }

    /** Ed-Fi's schoolYear value: the calendar year the school year ends in. */
    public int endingYear() {
        return lastDay.getYear();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }

    /** Whether [begin, end] shares at least one day with this year; a null end means still open. */
    public boolean overlaps(LocalDate begin, LocalDate end) {
        return !begin.isAfter(lastDay) && (end == null || !end.isBefore(firstDay));
    }

    @Override
    public String toString() {
        return firstDay + ".." + lastDay;
    }
}
