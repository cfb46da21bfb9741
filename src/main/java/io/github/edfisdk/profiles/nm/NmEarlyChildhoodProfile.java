package io.github.edfisdk.profiles.nm;

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
import java.util.Map;
import java.util.Optional;

/**
 * New Mexico "3Y/4Y Student Program" rules over studentProgramAssociation records. Profile id {@value #ID}.
 */
public final class NmEarlyChildhoodProfile implements RecordProfile {
    public static final String ID = "nm-early-childhood";

    public static final String RULE_EDORG = "nm-ec.education-organization-id";
    public static final String RULE_PROGRAM_EDORG = "nm-ec.program-education-organization-id";
    public static final String RULE_PROGRAM_TYPE = "nm-ec.program-type";
    public static final String RULE_PROGRAM_NAME = "nm-ec.program-name";
    public static final String RULE_STUDENT = "nm-ec.student-unique-id";
    public static final String RULE_BEGIN_DATE = "nm-ec.begin-date";
    public static final String RULE_END_DATE = "nm-ec.end-date";
    public static final String RULE_NO_SHOW = "nm-ec.no-show";
    public static final String RULE_ONE_PER_ENROLLMENT = "nm-ec.one-record-per-school-enrollment";

    private final SchoolYear schoolYear;

    /** Checks every rule except the clamping of the dates to the school year. */
    public NmEarlyChildhoodProfile() {
        this(null);
    }

    /** Also checks that beginDate and endDate lie within {@code schoolYear} (endDate then required). */
    public NmEarlyChildhoodProfile(SchoolYear schoolYear) {
        this.schoolYear = schoolYear;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "New Mexico PowerSchool 3Y/4Y Student Program (studentProgramAssociation, early childhood)";
    }

    @Override
    public List<RuleViolation> validate(Path file) throws IOException {
        Map<String, Long> firstLineByKey = new HashMap<>();
        return JsonLinesRecords.check(file, (record, sink) -> {
            checkRecord(record, sink);
            NmUniqueness.check(record, sink, firstLineByKey, RULE_ONE_PER_ENROLLMENT);
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
        Optional<Long> school = f.requiredInteger("educationOrganizationReference.educationOrganizationId", RULE_EDORG,
                "The school associated with this student is required: 35 + LEA Number (3 digits) + School Number"
                        + " (3 digits)");
        school.filter(id -> !NmEducationOrganizationIds.isNewMexicoId(id)).ifPresent(id -> sink.report(
                "$.educationOrganizationReference.educationOrganizationId", RULE_EDORG,
                "The school is an eight-digit number comprising 35 + LEA Number (3 digits) + School Number"
                        + " (3 digits); found " + id));
        NmRules.programEducationOrganization(f, school, RULE_PROGRAM_EDORG);

        Optional<EarlyChildhoodProgram> program = f.requiredString("programReference.programTypeDescriptor",
                        RULE_PROGRAM_TYPE, "The type of program is required: 3Y (grade level PK3) or 4Y (PK4)")
                .flatMap(type -> {
                    Optional<EarlyChildhoodProgram> p = EarlyChildhoodProgram.ofCode(DescriptorUri.codeValueOf(type));
                    if (p.isEmpty()) {
                        sink.report("$.programReference.programTypeDescriptor", RULE_PROGRAM_TYPE,
                                "The type of program is 4Y if the student's grade level is PK4, 3Y if PK3; found '"
                                        + type + "'");
                    }
                    return p;
                });
        f.requiredString("programReference.programName", RULE_PROGRAM_NAME,
                "The program name is required: Child participating in the Early Childhood 3Y (or 4Y) Program")
                .ifPresent(name -> {
                    String expected = program.map(EarlyChildhoodProgram::programName).orElse(null);
                    boolean known = name.equals(EarlyChildhoodProgram.THREE_Y.programName())
                            || name.equals(EarlyChildhoodProgram.FOUR_Y.programName());
                    if (!known) {
                        sink.report("$.programReference.programName", RULE_PROGRAM_NAME, "The program name is"
                                + " \"Child participating in the Early Childhood 3Y Program\" or \"... 4Y Program\";"
                                + " found '" + name + "'");
                    } else if (expected != null && !expected.equals(name)) {
                        sink.report("$.programReference.programName", RULE_PROGRAM_NAME, "The program name of a "
                                + program.get().programType() + " record is \"" + expected + "\"; found '" + name
                                + "'");
                    }
                });
        f.requiredString("studentReference.studentUniqueId", RULE_STUDENT,
                "StudentUniqueId must be populated in PowerSchool");

        Optional<LocalDate> begin = f.requiredDate("beginDate", RULE_BEGIN_DATE,
                "The date on which the student started the program is required");
        Optional<LocalDate> end = schoolYear == null ? f.optionalDate("endDate", RULE_END_DATE)
                : f.requiredDate("endDate", RULE_END_DATE, "endDate is required: when the exit date is blank, the"
                        + " last day of the current school year (" + schoolYear.lastDay() + ") is reported");
        if (begin.isPresent() && end.isPresent()) {
            if (end.get().equals(begin.get())) {
                sink.report("$.endDate", RULE_NO_SHOW, "Student must not be a no-show (their entry date and exit date"
                        + " are the same date value, " + begin.get() + ")");
            } else if (end.get().isBefore(begin.get())) {
                sink.report("$.endDate", RULE_END_DATE, "endDate " + end.get() + " is before beginDate " + begin.get());
            }
        }
        if (schoolYear != null) {
            begin.filter(d -> d.isBefore(schoolYear.firstDay())).ifPresent(d -> sink.report("$.beginDate",
                    RULE_BEGIN_DATE, "A begin date prior to the current school year is reported as the first day of"
                            + " the school year (" + schoolYear.firstDay() + "); found " + d));
            begin.filter(d -> d.isAfter(schoolYear.lastDay())).ifPresent(d -> sink.report("$.beginDate",
                    RULE_BEGIN_DATE, "The record must be active at some point during the current reporting year ("
                            + schoolYear + "); found beginDate " + d));
            end.filter(d -> d.isAfter(schoolYear.lastDay())).ifPresent(d -> sink.report("$.endDate", RULE_END_DATE,
                    "An exit date beyond the current school year is reported as the last day of the school year ("
                            + schoolYear.lastDay() + "); found " + d));
        }
    }
}
