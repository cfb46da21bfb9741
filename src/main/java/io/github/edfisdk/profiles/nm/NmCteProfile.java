package io.github.edfisdk.profiles.nm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
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
 * New Mexico "Student CTE Programs" rules over studentCTEProgramAssociation records (Data Standard 4.0 or 5.1 shape,
 * told apart by {@code ctePrograms}). Profile id {@value #ID}.
 */
public final class NmCteProfile implements RecordProfile {
    public static final String ID = "nm-cte";

    public static final String RULE_EDORG = "nm-cte.education-organization-id";
    public static final String RULE_PROGRAM_EDORG = "nm-cte.program-education-organization-id";
    public static final String RULE_PROGRAM_TYPE = "nm-cte.program-type";
    public static final String RULE_PROGRAM_NAME = "nm-cte.program-name";
    public static final String RULE_STUDENT = "nm-cte.student-unique-id";
    public static final String RULE_BEGIN_DATE = "nm-cte.begin-date";
    public static final String RULE_CAREER_PATHWAY = "nm-cte.career-pathway";
    public static final String RULE_CIP_CODE = "nm-cte.cip-code";
    public static final String RULE_COMPLETION = "nm-cte.completion-indicator";
    public static final String RULE_ONE_PER_PERIOD = "nm-cte.one-record-per-enrollment-period";

    private final SchoolYear schoolYear;

    /** Checks every rule except "begin date within the current school year". */
    public NmCteProfile() {
        this(null);
    }

    /** Also checks that the begin date is within {@code schoolYear}. */
    public NmCteProfile(SchoolYear schoolYear) {
        this.schoolYear = schoolYear;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "New Mexico PowerSchool Student CTE Programs (studentCTEProgramAssociation)";
    }

    @Override
    public List<RuleViolation> validate(Path file) throws IOException {
        Map<String, Long> firstLineByKey = new HashMap<>();
        return JsonLinesRecords.check(file, (record, sink) -> {
            checkRecord(record, sink);
            NmUniqueness.check(record, sink, firstLineByKey, RULE_ONE_PER_PERIOD);
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
                "educationOrganizationId is required: the Education Organization delivering the CTE program");
        school.filter(id -> !NmEducationOrganizationIds.isNewMexicoId(id)).ifPresent(id -> sink.report(
                "$.educationOrganizationReference.educationOrganizationId", RULE_EDORG,
                "educationOrganizationId is always an 8 digit value: first 2 digits 35 (NM), next 3 the LEA number,"
                        + " final 3 the building number; found " + id));
        NmRules.programEducationOrganization(f, school, RULE_PROGRAM_EDORG);
        f.requiredString("programReference.programTypeDescriptor", RULE_PROGRAM_TYPE,
                        "ProgramTypeDescriptor is required: always \"Career and Technical Education\"")
                .filter(t -> !DescriptorUri.sameCode(t, NmCteProgramAssociations.PROGRAM_TYPE))
                .ifPresent(t -> sink.report("$.programReference.programTypeDescriptor", RULE_PROGRAM_TYPE,
                        "ProgramTypeDescriptor is always \"Career and Technical Education\"; found '" + t + "'"));
        f.requiredString("programReference.programName", RULE_PROGRAM_NAME,
                        "ProgramName is required: always \"Career and Technical Education\"")
                .filter(n -> !n.equals(NmCteProgramAssociations.PROGRAM_NAME))
                .ifPresent(n -> sink.report("$.programReference.programName", RULE_PROGRAM_NAME,
                        "ProgramName is always \"Career and Technical Education\"; found '" + n + "'"));
        f.requiredString("studentReference.studentUniqueId", RULE_STUDENT,
                "StudentUniqueId must be populated (the unique number assigned to the student by the state)");
        Optional<LocalDate> begin = f.requiredDate("beginDate", RULE_BEGIN_DATE,
                "BeginDate is required: the student's latest school entry date");
        if (schoolYear != null) {
            begin.filter(d -> !schoolYear.contains(d)).ifPresent(d -> sink.report("$.beginDate", RULE_BEGIN_DATE,
                    "The begin date of the program must be within the current school year (" + schoolYear
                            + "); found " + d));
        }
        f.optionalDate("endDate", RULE_BEGIN_DATE).ifPresent(end -> begin.filter(end::isBefore).ifPresent(b ->
                sink.report("$.endDate", RULE_BEGIN_DATE, "endDate " + end + " is before beginDate " + b)));
        checkCtePrograms(f);
    }

    /** careerPathwayDescriptor "Other" and CIP code "0": ctePrograms (DS 4.0) or cteProgramServices (DS 5.1). */
    private void checkCtePrograms(RecordFields f) {
        boolean ds4 = f.get("ctePrograms").isPresent();
        String collection = ds4 ? "ctePrograms" : "cteProgramServices";
        String pathway = ds4 ? "careerPathwayDescriptor" : "cteProgramServiceDescriptor";
        ViolationSink sink = f.sink();
        Optional<JsonArray> items = f.optionalArray(collection, RULE_CAREER_PATHWAY);
        if (items.isEmpty() || items.get().isEmpty()) {
            if (f.get(collection).isEmpty() || items.isPresent()) {
                sink.report("$." + collection, RULE_CAREER_PATHWAY, "careerPathwayDescriptor is mandatory: the value"
                        + " is always \"Other\" (" + collection + "[]." + pathway + " in this Data Standard)");
            }
            return;
        }
        for (int i = 0; i < items.get().size(); i++) {
            String at = "$." + collection + "[" + i + "]";
            JsonElement item = items.get().get(i);
            if (!item.isJsonObject()) {
                sink.report(at, RULE_CAREER_PATHWAY, "Expected an object, found " + item);
                continue;
            }
            JsonObject cte = item.getAsJsonObject();
            Optional<String> value = stringAt(cte, pathway);
            if (value.isEmpty()) {
                sink.report(at + "." + pathway, RULE_CAREER_PATHWAY,
                        "careerPathwayDescriptor is mandatory: the value is always \"Other\"");
            } else if (!DescriptorUri.sameCode(value.get(), NmCteProgramAssociations.CAREER_PATHWAY)) {
                sink.report(at + "." + pathway, RULE_CAREER_PATHWAY,
                        "careerPathwayDescriptor: the value is always \"Other\"; found '" + value.get() + "'");
            }
            Optional<String> cip = stringAt(cte, "cipCode");
            if (cip.isEmpty()) {
                sink.report(at + ".cipCode", RULE_CIP_CODE, "CIPCode is mandatory: the value is always 0");
            } else if (!cip.get().trim().equals(NmCteProgramAssociations.CIP_CODE)) {
                sink.report(at + ".cipCode", RULE_CIP_CODE,
                        "CIPCode: the value is always 0; found '" + cip.get() + "'");
            }
            JsonElement completed = cte.get("cteProgramCompletionIndicator");
            if (completed != null && !completed.isJsonNull()
                    && !(completed.isJsonPrimitive() && completed.getAsJsonPrimitive().isBoolean())) {
                sink.report(at + ".cteProgramCompletionIndicator", RULE_COMPLETION,
                        "CTEProgramCompletionIndicator is a Boolean flag; found " + completed);
            }
        }
    }

    private static Optional<String> stringAt(JsonObject object, String name) {
        JsonElement e = object.get(name);
        if (e == null || !e.isJsonPrimitive() || e.getAsString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(e.getAsString());
    }
}
