package io.github.edfisdk.profiles.nm;

/**
 * The student facts every New Mexico selection criterion looks at.
 *
 * @param studentUniqueId              the state id downloaded from the state; null or blank when not populated
 * @param published                    whether the student was published in the Student (and Student
 *                                     Enrollments) category
 * @param excludedFromStateReporting   the student's "exclude from state reporting" flag
 */
public record NmStudent(String studentUniqueId, boolean published, boolean excludedFromStateReporting) {
    /** A published, reported student. */
    public static NmStudent published(String studentUniqueId) {
        return new NmStudent(studentUniqueId, true, false);
    }

    public boolean hasUniqueId() {
        return studentUniqueId != null && !studentUniqueId.isBlank();
    }
}
