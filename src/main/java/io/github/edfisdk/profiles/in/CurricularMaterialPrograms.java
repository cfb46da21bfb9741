package io.github.edfisdk.profiles.in;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.profiles.SchoolYear;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Infinite Campus (Indiana) "Student Curricular Material Program Associations": decides which students have a
 * "Curricular Material Reimbursement" program on the report date 10/01 of the start year, and builds the
 * studentProgramAssociation records (same shape in Data Standard 4.0 and 5.1).
 *
 * <p>educationOrganizationReference = 10 + district + school of the enrollment active on the report date;
 * programReference = state education organization 1088000000, "Curricular Material Reimbursement" (name and
 * ProgramTypeDescriptor); beginDate/endDate = the FRAM record's start and end dates; reasonExitedDescriptor = the exit
 * reason code in the state namespace, only when the record has an end date and an exit was selected.
 */
public final class CurricularMaterialPrograms {
    public static final String PROGRAM_NAME = "Curricular Material Reimbursement";
    public static final String PROGRAM_TYPE = "Curricular Material Reimbursement";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private final SchoolYear schoolYear;
    private final String namespace;

    /**
     * @param schoolYear the configured school year (its start year gives the report date 10/01/startYear)
     * @param namespace  namespace of Indiana's ProgramTypeDescriptor and ReasonExitedDescriptor values
     */
    public CurricularMaterialPrograms(SchoolYear schoolYear, String namespace) {
        this.schoolYear = Objects.requireNonNull(schoolYear, "schoolYear");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /** 10/01 of the school year's start year. */
    public LocalDate reportDate() {
        return reportDate(schoolYear);
    }

    static LocalDate reportDate(SchoolYear year) {
        return LocalDate.of(year.startYear(), 10, 1);
    }

    /**
     * The begin-date rules of one FRAM record: it must overlap the current school year; a record that starts in the
     * previous school year is reported (with its own start date) only when it ends after September 30 of the
     * current school year. Empty when the rules allow the record.
     */
    public Optional<String> framRecordExclusion(FramEligibility record) {
        if (!schoolYear.overlaps(record.startDate(), record.endDate())) {
            return Optional.of("The FRAM record (" + record.startDate() + ".." + (record.endDate() == null ? ""
                    : record.endDate()) + ") does not overlap the current school year dates (" + schoolYear + ").");
        }
        LocalDate september30 = reportDate().minusDays(1);
        if (record.startDate().isBefore(schoolYear.firstDay()) && record.endDate() != null
                && !record.endDate().isAfter(september30)) {
            return Optional.of("The FRAM record starts in the previous school year and ends (" + record.endDate()
                    + ") before September 30 of the current school year: a Curricular record does not report.");
        }
        return Optional.empty();
    }

    /** The eligibility decision on the report date; every reason for not reporting is listed. */
    public CurricularMaterialDecision decide(CurricularMaterialStudent student) {
        LocalDate on = reportDate();
        String day = on.format(US_DATE);
        List<String> reasons = new ArrayList<>();
        if (student.studentUniqueId() == null || student.studentUniqueId().isBlank()) {
            reasons.add("The student has no Ed-Fi ID (studentUniqueId).");
        }
        if (student.textbookOptOutDate() != null && schoolYear.contains(student.textbookOptOutDate())) {
            reasons.add("A Textbook Opt-Out program (start date " + student.textbookOptOutDate()
                    + ", Opt-Out checked) exists for the student during the school year: does not report.");
        }
        CampusEnrollment enrollment = student.enrollments().stream().filter(e -> e.activeOn(on))
                .min(Comparator.comparing(CampusEnrollment::startDate)).orElse(null);
        if (enrollment == null) {
            if (student.enrollments().isEmpty()) {
                reasons.add("The student has no enrollment: does not report.");
            }
            if (student.enrollments().stream().anyMatch(e -> e.endDate() != null && e.endDate().isBefore(on))) {
                reasons.add("The student has an enrollment end date prior to the report date " + day
                        + ": does not report.");
            }
            if (student.enrollments().stream().anyMatch(e -> e.startDate().isAfter(on))) {
                reasons.add("The student has an enrollment start date after the report date " + day
                        + ": does not report.");
            }
        } else if (enrollment.fullyVirtual()) {
            reasons.add("The student is a Virtual Student 100% of the day (Virtual Student = 100 on the enrollment):"
                    + " does not report.");
        }
        List<FramEligibility> active = student.framEligibilities().stream()
                .filter(f -> f.activeOn(on) && framRecordExclusion(f).isEmpty()).toList();
        FramEligibility chosen = active.stream().filter(f -> f.status().freeOrReduced())
                .min(Comparator.comparing(FramEligibility::startDate)).orElse(null);
        if (active.isEmpty()) {
            reasons.add("No active FRAM record is available as of " + day + ": does not report.");
        } else if (chosen == null) {
            reasons.add("The FRAM eligibility active on " + day + " is not Free or Reduced: does not report.");
        } else if (chosen.endDate() != null && chosen.reasonExitedCode() != null
                && IndianaReasonExited.code(chosen.reasonExitedCode()).isEmpty()) {
            reasons.add("The exit reason '" + chosen.reasonExitedCode() + "' is not an Indiana Reason Exited code.");
        }
        return new CurricularMaterialDecision(student, reasons, reasons.isEmpty() ? chosen : null, enrollment);
    }

    /** The payload of a reported decision. */
    public JsonObject toPayload(CurricularMaterialDecision decision) {
        if (!decision.reported()) {
            throw new IllegalArgumentException("Not reported: " + String.join(" ", decision.reasons()));
        }
        FramEligibility fram = decision.eligibility();
        CampusEnrollment enrollment = decision.enrollment();
        JsonObject doc = new JsonObject();
        doc.addProperty("beginDate", fram.startDate().toString());
        JsonObject edOrg = new JsonObject();
        edOrg.addProperty("educationOrganizationId",
                IndianaEducationOrganizationIds.school(enrollment.districtNumber(), enrollment.schoolNumber()));
        doc.add("educationOrganizationReference", edOrg);
        JsonObject program = new JsonObject();
        program.addProperty("educationOrganizationId", IndianaEducationOrganizationIds.STATE);
        program.addProperty("programName", PROGRAM_NAME);
        program.addProperty("programTypeDescriptor",
                DescriptorUri.of(namespace, "ProgramTypeDescriptor", PROGRAM_TYPE).toString());
        doc.add("programReference", program);
        JsonObject student = new JsonObject();
        student.addProperty("studentUniqueId", decision.student().studentUniqueId());
        doc.add("studentReference", student);
        if (fram.endDate() != null) {
            doc.addProperty("endDate", fram.endDate().toString());
            if (fram.reasonExitedCode() != null && !fram.reasonExitedCode().isBlank()) {
                doc.addProperty("reasonExitedDescriptor", IndianaReasonExited.descriptor(namespace,
                        fram.reasonExitedCode()));
            }
        }
        return doc;
    }

    /** Decides every student (in input order) and builds one payload per reported student. */
    public CurricularMaterialPublication publish(List<CurricularMaterialStudent> students) {
        List<JsonObject> payloads = new ArrayList<>();
        List<CurricularMaterialDecision> decisions = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (CurricularMaterialStudent s : students) {
            CurricularMaterialDecision d = decide(s);
            if (d.reported()) {
                JsonObject payload = toPayload(d);
                String key = CurricularMaterialKeys.of(payload);
                if (!keys.add(key)) {
                    d = new CurricularMaterialDecision(s, List.of("Another source record already reports " + key
                            + "."), null, d.enrollment());
                } else {
                    payloads.add(payload);
                }
            }
            decisions.add(d);
        }
        return new CurricularMaterialPublication(payloads, decisions);
    }
}
