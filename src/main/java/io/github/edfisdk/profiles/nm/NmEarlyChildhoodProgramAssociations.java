package io.github.edfisdk.profiles.nm;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.profiles.SchoolYear;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the studentProgramAssociation records of PowerSchool's New Mexico "3Y/4Y Student Program" view and applies
 * its selection criteria. The shape is the same in Data Standard 4.0 and 5.1.
 *
 * <p>educationOrganizationReference = 35 + LEA + school number (Alternate_School_Number if &gt; 0, else
 * School_Number); programReference = 35 + LEA + 000, programName and ProgramTypeDescriptor (3Y/4Y) from the grade
 * level or ProgramCode; beginDate = entry date, or the first day of the school year when earlier; endDate = exit
 * date, or the last day of the school year when blank or later.
 */
public final class NmEarlyChildhoodProgramAssociations {
    private final NmDistrict district;
    private final SchoolYear schoolYear;
    private final String programTypeNamespace;

    /**
     * @param programTypeNamespace namespace of the state's ProgramTypeDescriptor values 3Y and 4Y (they are not
     *                             default Ed-Fi values)
     */
    public NmEarlyChildhoodProgramAssociations(NmDistrict district, SchoolYear schoolYear,
                                               String programTypeNamespace) {
        this.district = Objects.requireNonNull(district, "district");
        this.schoolYear = Objects.requireNonNull(schoolYear, "schoolYear");
        this.programTypeNamespace = Objects.requireNonNull(programTypeNamespace, "programTypeNamespace");
    }

    /** The selection criteria of the view (and of the record kind); every failed criterion is listed. */
    public NmSelection<NmEarlyChildhoodSource> select(NmEarlyChildhoodSource source) {
        List<String> reasons = new ArrayList<>();
        NmStudent student = source.student();
        if (!student.published()) {
            reasons.add("The student was not previously published in the Student & Student Enrollments category.");
        }
        if (!student.hasUniqueId()) {
            reasons.add("StudentUniqueId is not populated in PowerSchool.");
        }
        if (source.isNoShow()) {
            reasons.add("The student is a no-show (entry date and exit date are the same date value, "
                    + source.entryDate() + ").");
        }
        if (student.excludedFromStateReporting()) {
            reasons.add("The student is excluded from state reporting.");
        }
        int schoolNumber = source.enrollment().schoolId();
        PowerSchoolSchool school = district.hasSchool(schoolNumber) ? district.school(schoolNumber) : null;
        if (school == null) {
            reasons.add("School_Number " + schoolNumber + " is not a school of LEA " + district.leaNumber() + ".");
        } else if (school.excludedFromStateReporting()) {
            reasons.add("The school (School_Number " + schoolNumber + ") is excluded from state reporting.");
        }
        if (source.exitDate() != null && source.exitDate().isBefore(source.entryDate())) {
            reasons.add("The exit date " + source.exitDate() + " is before the entry date " + source.entryDate() + ".");
        } else if (!schoolYear.overlaps(source.entryDate(), source.exitDate())) {
            reasons.add("The record is not active at any point during the current reporting year (" + schoolYear
                    + ").");
        }
        if (source instanceof NmEarlyChildhoodEnrollment auto) {
            if (school != null && !school.reports3Y4YProgramFacts()) {
                reasons.add("The school's \"3Y or 4Y Program Fact records\" box is not checked.");
            }
            if (auto.program().isEmpty()) {
                reasons.add("Student's grade level must be -2 for a 3Y record and -1 for a 4Y record; found "
                        + auto.gradeLevel() + ".");
            }
            if (!auto.specialEducation()) {
                reasons.add("Special Education Indicator must be Y.");
            }
            LocalDate exited = auto.specialEducationExitDate();
            if (exited != null && !schoolYear.contains(exited)) {
                reasons.add("Date exited special education program must be blank or contain a date within the current"
                        + " year; found " + exited + ".");
            }
        } else if (source instanceof NmEarlyChildhoodProgramFact fact && fact.program().isEmpty()) {
            reasons.add("ProgramCode must be 3Y or 4Y; found '" + fact.programCode() + "'.");
        }
        return new NmSelection<>(source, reasons);
    }

    /** 35 + LEA + (Alternate_School_Number if &gt; 0, else School_Number) of the enrollment's school. */
    public long educationOrganizationId(NmEarlyChildhoodSource source) {
        return NmEducationOrganizationIds.school(district.leaNumber(),
                district.school(source.enrollment().schoolId()).stateSchoolNumber());
    }

    /** The entry date, or the first day of the school year when the entry date is prior to it. */
    public LocalDate beginDate(NmEarlyChildhoodSource source) {
        return source.entryDate().isBefore(schoolYear.firstDay()) ? schoolYear.firstDay() : source.entryDate();
    }

    /** The exit date, or the last day of the school year when the exit date is blank or beyond it. */
    public LocalDate endDate(NmEarlyChildhoodSource source) {
        LocalDate exit = source.exitDate();
        return exit == null || exit.isAfter(schoolYear.lastDay()) ? schoolYear.lastDay() : exit;
    }

    /**
     * The payload of one record. Does not apply the selection criteria (see {@link #select} and {@link #publish}).
     *
     * @throws IllegalArgumentException when the program (3Y/4Y), the student id or the school cannot be determined
     */
    public JsonObject toPayload(NmEarlyChildhoodSource source) {
        EarlyChildhoodProgram program = source.program().orElseThrow(() -> new IllegalArgumentException(
                "Not a 3Y/4Y record: grade level must be -2 (PK3) or -1 (PK4), ProgramCode 3Y or 4Y"));
        if (!source.student().hasUniqueId()) {
            throw new IllegalArgumentException("StudentUniqueId must be populated in PowerSchool");
        }
        JsonObject doc = new JsonObject();
        doc.addProperty("beginDate", beginDate(source).toString());
        JsonObject edOrg = new JsonObject();
        edOrg.addProperty("educationOrganizationId", educationOrganizationId(source));
        doc.add("educationOrganizationReference", edOrg);
        JsonObject programRef = new JsonObject();
        programRef.addProperty("educationOrganizationId", district.leaId());
        programRef.addProperty("programName", program.programName());
        programRef.addProperty("programTypeDescriptor",
                DescriptorUri.of(programTypeNamespace, "ProgramTypeDescriptor", program.programType()).toString());
        doc.add("programReference", programRef);
        JsonObject student = new JsonObject();
        student.addProperty("studentUniqueId", source.student().studentUniqueId());
        doc.add("studentReference", student);
        doc.addProperty("endDate", endDate(source).toString());
        return doc;
    }

    /**
     * Applies the selection criteria and builds one payload per student, school enrollment and program; a second
     * source record with the same key (student, school, program, begin date) is excluded as a duplicate.
     */
    public NmPublication<NmEarlyChildhoodSource> publish(List<? extends NmEarlyChildhoodSource> sources) {
        List<JsonObject> payloads = new ArrayList<>();
        List<NmSelection<NmEarlyChildhoodSource>> decisions = new ArrayList<>();
        Map<String, Integer> published = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            NmSelection<NmEarlyChildhoodSource> selection = select(sources.get(i));
            if (selection.included()) {
                JsonObject payload = toPayload(selection.source());
                Integer first = published.putIfAbsent(NmRecordKeys.comparable(payload), i);
                if (first != null) {
                    selection = new NmSelection<>(selection.source(), List.of("A record is published for each"
                            + " student and each school enrollment: source record " + (first + 1)
                            + " already publishes " + NmRecordKeys.enrollmentPeriod(payload) + "."));
                } else {
                    payloads.add(payload);
                }
            }
            decisions.add(selection);
        }
        return new NmPublication<>(payloads, decisions);
    }
}
