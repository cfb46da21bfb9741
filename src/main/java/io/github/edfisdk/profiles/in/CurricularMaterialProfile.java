package io.github.edfisdk.profiles.in;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.profiles.JsonLinesRecords;
import io.github.edfisdk.profiles.RecordFields;
import io.github.edfisdk.profiles.RecordProfile;
import io.github.edfisdk.profiles.RuleViolation;
import io.github.edfisdk.profiles.SchoolYear;
import io.github.edfisdk.profiles.ViolationSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Indiana "Student Curricular Material Program Associations" rules over studentProgramAssociation records.
 * Profile id {@value #ID}.
 */
public final class CurricularMaterialProfile implements RecordProfile {
    public static final String ID = "in-curricular-material";

    public static final String RULE_EDORG = "in-cmr.education-organization-id";
    public static final String RULE_PROGRAM_EDORG = "in-cmr.program-education-organization-id";
    public static final String RULE_PROGRAM_TYPE = "in-cmr.program-type";
    public static final String RULE_PROGRAM_NAME = "in-cmr.program-name";
    public static final String RULE_STUDENT = "in-cmr.student-unique-id";
    public static final String RULE_BEGIN_DATE = "in-cmr.begin-date";
    public static final String RULE_END_DATE = "in-cmr.end-date";
    public static final String RULE_REASON_EXITED = "in-cmr.reason-exited";
    public static final String RULE_ONE_RECORD = "in-cmr.natural-key-unique";

    private final SchoolYear schoolYear;

    /** Checks every rule except those tied to the report date 10/01 of the start year. */
    public CurricularMaterialProfile() {
        this(null);
    }

    /** Also checks that each record spans the report date 10/01 of {@code schoolYear}'s start year. */
    public CurricularMaterialProfile(SchoolYear schoolYear) {
        this.schoolYear = schoolYear;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Indiana Infinite Campus Student Curricular Material Program Associations (studentProgramAssociation)";
    }

    @Override
    public List<RuleViolation> validate(Path file) throws IOException {
        Map<String, Long> firstLineByKey = new HashMap<>();
        return JsonLinesRecords.check(file, (record, sink) -> {
            checkRecord(record, sink);
            String key = CurricularMaterialKeys.of(record);
            Long first = firstLineByKey.putIfAbsent(key.toLowerCase(Locale.ROOT), sink.line());
            if (first != null) {
                sink.report("$", RULE_ONE_RECORD, "Natural key already sent on line " + first + ": " + key);
            }
        });
    }

    /** The rules of one record built in memory (file "-", line 0). */
    public List<RuleViolation> check(JsonObject record) {
        ViolationSink sink = ViolationSink.inMemory();
        checkRecord(record, sink);
        return sink.violations();
    }

    private void checkRecord(JsonObject record, ViolationSink sink) {
        RecordFields f = new RecordFields(record, sink);
        f.requiredInteger("educationOrganizationReference.educationOrganizationId", RULE_EDORG,
                        "educationOrganizationReference is required: reports the District State Number,"
                                + " 10+districtID+School")
                .filter(id -> !IndianaEducationOrganizationIds.isIndianaId(id))
                .ifPresent(id -> sink.report("$.educationOrganizationReference.educationOrganizationId", RULE_EDORG,
                        "Reports the District State Number: 10+districtID+School (10 digits); found " + id));
        f.requiredInteger("programReference.educationOrganizationId", RULE_PROGRAM_EDORG,
                        "ProgramEdOrgID is required: must report State EdOrgID 1088000000")
                .filter(id -> id != IndianaEducationOrganizationIds.STATE)
                .ifPresent(id -> sink.report("$.programReference.educationOrganizationId", RULE_PROGRAM_EDORG,
                        "ProgramEdOrgID must report State EdOrgID 1088000000; found " + id));
        f.requiredString("programReference.programTypeDescriptor", RULE_PROGRAM_TYPE,
                        "ProgramTypeID is required: Curricular Material Reimbursement")
                .filter(t -> !DescriptorUri.sameCode(t, CurricularMaterialPrograms.PROGRAM_TYPE))
                .ifPresent(t -> sink.report("$.programReference.programTypeDescriptor", RULE_PROGRAM_TYPE,
                        "Report programType as Curricular Material Reimbursement in programReference; found '"
                                + t + "'"));
        f.requiredString("programReference.programName", RULE_PROGRAM_NAME,
                        "ProgramName is required: Curricular Material Reimbursement")
                .filter(n -> !n.equals(CurricularMaterialPrograms.PROGRAM_NAME))
                .ifPresent(n -> sink.report("$.programReference.programName", RULE_PROGRAM_NAME,
                        "Report programName as Curricular Material Reimbursement in programReference; found '"
                                + n + "'"));
        f.requiredString("studentReference.studentUniqueId", RULE_STUDENT,
                "studentReference is required: reports the Student Reference");

        Optional<LocalDate> begin = f.requiredDate("beginDate", RULE_BEGIN_DATE,
                "beginDate is required: reports the Start Date when reporting from FRAM");
        Optional<LocalDate> end = f.optionalDate("endDate", RULE_END_DATE);
        if (begin.isPresent() && end.isPresent() && end.get().isBefore(begin.get())) {
            sink.report("$.endDate", RULE_END_DATE, "endDate " + end.get() + " is before beginDate " + begin.get());
        }
        if (schoolYear != null) {
            LocalDate reportDate = CurricularMaterialPrograms.reportDate(schoolYear);
            begin.filter(d -> d.isAfter(reportDate)).ifPresent(d -> sink.report("$.beginDate", RULE_BEGIN_DATE,
                    "The student's start date is after October 01 (" + reportDate + "): does not report; found " + d));
            end.filter(d -> d.isBefore(reportDate)).ifPresent(d -> sink.report("$.endDate", RULE_END_DATE,
                    "The student's end date is before October 01 (" + reportDate + "): does not report; found " + d));
        }
        f.optionalString("reasonExitedDescriptor", RULE_REASON_EXITED).ifPresent(reason -> {
            if (IndianaReasonExited.code(DescriptorUri.codeValueOf(reason)).isEmpty()) {
                sink.report("$.reasonExitedDescriptor", RULE_REASON_EXITED, "Reason Exited must be one of the Indiana"
                        + " codes " + String.join(", ", IndianaReasonExited.codes()) + "; found '" + reason + "'");
            }
            if (end.isEmpty() && f.get("endDate").isEmpty()) {
                sink.report("$.reasonExitedDescriptor", RULE_REASON_EXITED,
                        "reasonExitedDescriptor reports only when an exit is selected on a program (endDate missing)");
            }
        });
    }
}
