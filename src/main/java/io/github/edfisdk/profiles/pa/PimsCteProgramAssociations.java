package io.github.edfisdk.profiles.pa;

import static io.github.edfisdk.profiles.pa.PimsField.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.model.NaturalKey;
import io.github.edfisdk.model.ResourceModel;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Converts PIMS "CTE Student Fact" rows to Ed-Fi Data Standard 5.1 studentCTEProgramAssociations and back, field by
 * field exactly for rows that meet the {@link PimsCteProfile} rules. The mapping (also in the README):
 *
 * <ul>
 *   <li>1 AUN + 4 CIP SCHOOL NUMBER: educationOrganizationReference.educationOrganizationId and
 *       programReference.educationOrganizationId = {@link PimsEducationOrganizationIds} (AUN then school number);
 *       5 STUDENT SCHOOL NUMBER is field 4 again.</li>
 *   <li>2 SCHOOL YEAR DATE: beginDate = the July 1 that starts that school year; 8 REPORTING DATE: endDate.</li>
 *   <li>3 PASECUREID: studentReference.studentUniqueId.</li>
 *   <li>6 CIP CODE: programReference.programName "CTE 01.5999" (one Ed-Fi Program per school and CIP) and
 *       cteProgramServices[].cipCode "01.5999" (the NCES form the seed itself writes).</li>
 *   <li>7 DELIVERY METHOD CODE: the primary cteProgramServices entry (primaryIndicator true), descriptor
 *       CTEProgramServiceDescriptor#70|75|80.</li>
 *   <li>12-17, 22, 33 learning components: one more cteProgramServices entry each when Y (absent when N).</li>
 *   <li>28 TASK LIST COMPLETION INDICATOR: technicalSkillsAssessmentDescriptor #Y, #N or #N/A.</li>
 *   <li>10, 18, 19, 20, 26, 30, 31, 34, 35, 36 (no Ed-Fi property): one programParticipationStatuses entry each
 *       when not empty; participationStatusDescriptor names the field, designatedBy holds the value as written,
 *       statusBeginDate = beginDate.</li>
 *   <li>11 is always N/A; 9, 21, 23-25, 27, 29, 32 are always empty.</li>
 * </ul>
 * Descriptors other than the program type are in the PIMS namespace ({@link #DEFAULT_NAMESPACE} unless given).
 */
public final class PimsCteProgramAssociations {
    public static final String DEFAULT_NAMESPACE = "uri://pims.pa.gov";
    public static final String ED_FI_NAMESPACE = "uri://ed-fi.org";
    public static final String PROGRAM_TYPE = "Career and Technical Education";
    public static final String PROGRAM_NAME_PREFIX = "CTE ";

    static final String SERVICE = "CTEProgramServiceDescriptor";
    static final String STATUS = "ParticipationStatusDescriptor";
    static final String SKILLS = "TechnicalSkillsAssessmentDescriptor";

    /** Learning-component field to its CTEProgramServiceDescriptor code value. */
    static final Map<Integer, String> SERVICES = ordered(
            REGISTERED_APPRENTICE, "Registered Apprentice",
            INTERNSHIP, "Internship",
            COOPERATIVE_WORK, "Cooperative Work",
            JOB_EXPLORATION, "Job Exploration",
            AGRICULTURE_EXPERIENCE, "Agriculture Experience",
            SCHOOL_SPONSORED_ENTERPRISE, "School-Sponsored Enterprise",
            WORK_BASED_EXPERIENCE, "Work-Based Experience",
            SIMULATED_WORK_ENVIRONMENT, "Simulated Work Environment");

    /** Field with no Ed-Fi property to its ParticipationStatusDescriptor code value. */
    static final Map<Integer, String> STATUSES = ordered(
            CTE_STATUS_TYPE_CODE, "CTE Status Type Code",
            PROGRAM_HOURS, "Number of Program Hours Completed",
            PERCENT_COMPLETE, "Percentage of Program Complete",
            POSTSECONDARY_CREDITS, "Cumulative Postsecondary Credits Earned",
            PELL_GRANT, "Pell Grant Indicator",
            PERKINS_CONCENTRATOR, "Perkins Concentrator",
            PERKINS_PARTICIPANT, "Perkins Participant",
            CERTIFICATE_OF_APPRENTICESHIP, "Certificate of Apprenticeship",
            DEGREE_AWARDED, "Degree Awarded",
            ADULT_CREDIT_EQUIVALENCY, "Adult Cumulative Credit Equivalency");

    static final Map<String, String> TASK_LIST = Map.of(
            "Y", "Task list completed", "N", "Task list not completed", "N/A", "Task list not applicable");

    /** Read on first use: the spec is only needed for natural keys. */
    private static final class Association {
        static final ResourceModel MODEL = DataStandardModel.of(DataStandard.DS5)
                .resource("studentCTEProgramAssociations").orElseThrow();
    }

    private final String namespace;

    /** Descriptors in {@link #DEFAULT_NAMESPACE}. */
    public PimsCteProgramAssociations() {
        this(DEFAULT_NAMESPACE);
    }

    /** @param namespace the namespace of the PIMS descriptor values, e.g. "uri://pims.pa.gov" */
    public PimsCteProgramAssociations(String namespace) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        if (!namespace.startsWith("uri://") || namespace.contains("#")) {
            throw new IllegalArgumentException("A descriptor namespace looks like uri://pims.pa.gov; got " + namespace);
        }
    }

    public String namespace() {
        return namespace;
    }

    /** The Ed-Fi CIP form of a 6-digit PIMS CIP code: 015999 is 01.5999. */
    public static String edFiCipCode(String pimsCip) {
        return pimsCip.substring(0, 2) + "." + pimsCip.substring(2);
    }

    /** "CTE 01.5999": the Ed-Fi Program of a CIP at a school. */
    public static String programName(String pimsCip) {
        return PROGRAM_NAME_PREFIX + edFiCipCode(pimsCip);
    }

    /** The studentCTEProgramAssociation of a row that meets the pa-pims-cte rules. */
    public JsonObject toEdFi(PimsRecord r) {
        LocalDate yearEnd = LocalDate.parse(r.get(SCHOOL_YEAR_DATE));
        String begin = yearEnd.minusYears(1).plusDays(1).toString();
        long school = PimsEducationOrganizationIds.school(r.get(SUBMITTING_AUN), r.get(CIP_SCHOOL_NUMBER));
        String cip = edFiCipCode(r.get(CIP_CODE));

        JsonObject doc = new JsonObject();
        doc.addProperty("beginDate", begin);
        doc.addProperty("endDate", r.get(REPORTING_DATE));
        JsonObject edOrg = new JsonObject();
        edOrg.addProperty("educationOrganizationId", school);
        doc.add("educationOrganizationReference", edOrg);
        doc.add("programReference", programReference(school, r.get(CIP_CODE)));
        JsonObject student = new JsonObject();
        student.addProperty("studentUniqueId", r.get(PASECUREID));
        doc.add("studentReference", student);

        JsonArray services = new JsonArray();
        services.add(service(r.get(DELIVERY_METHOD_CODE), cip, true));
        SERVICES.forEach((field, code) -> {
            if (r.get(field).equals("Y")) {
                services.add(service(code, cip, false));
            }
        });
        doc.add("cteProgramServices", services);

        JsonArray statuses = new JsonArray();
        STATUSES.forEach((field, code) -> {
            if (!r.get(field).isEmpty()) {
                JsonObject s = new JsonObject();
                s.addProperty("participationStatusDescriptor", uri(STATUS, code));
                s.addProperty("statusBeginDate", begin);
                s.addProperty("designatedBy", r.get(field));
                statuses.add(s);
            }
        });
        doc.add("programParticipationStatuses", statuses);
        doc.addProperty("technicalSkillsAssessmentDescriptor", uri(SKILLS, r.get(TASK_LIST_COMPLETION)));
        return doc;
    }

    /** The Ed-Fi natural key of {@link #toEdFi}'s association of a row: the Data Standard's identity, read from the spec. */
    public NaturalKey naturalKey(PimsRecord r) {
        return Association.MODEL.naturalKey(toEdFi(r));
    }

    /**
     * The PIMS row of a studentCTEProgramAssociation written by {@link #toEdFi} (or following the same mapping, as
     * exported from an ODS; server fields are ignored).
     *
     * @throws IllegalArgumentException naming the JSON path when the record does not follow the mapping
     */
    public PimsRecord fromEdFi(JsonObject doc, String file, long line) {
        String[] v = new String[PimsField.COUNT];
        Arrays.fill(v, "");
        long school = longAt(doc, "educationOrganizationReference", "educationOrganizationId");
        if (!PimsEducationOrganizationIds.isPimsSchoolId(school)) {
            throw new IllegalArgumentException("$.educationOrganizationReference.educationOrganizationId: " + school
                    + " is not AUN (9 digits) + CIP SCHOOL NUMBER (4 digits)");
        }
        v[SUBMITTING_AUN - 1] = PimsEducationOrganizationIds.aunOf(school);
        v[CIP_SCHOOL_NUMBER - 1] = PimsEducationOrganizationIds.schoolNumberOf(school);
        v[STUDENT_SCHOOL_NUMBER - 1] = v[CIP_SCHOOL_NUMBER - 1];
        LocalDate begin = dateAt(doc, "beginDate");
        LocalDate yearEnd = LocalDate.of(begin.getMonthValue() >= 7 ? begin.getYear() + 1 : begin.getYear(), 6, 30);
        v[SCHOOL_YEAR_DATE - 1] = yearEnd.toString();
        v[REPORTING_DATE - 1] = doc.has("endDate") && !doc.get("endDate").isJsonNull()
                ? dateAt(doc, "endDate").toString() : yearEnd.toString();
        v[PASECUREID - 1] = stringAt(doc, "$.studentReference.studentUniqueId",
                object(doc, "studentReference").get("studentUniqueId"));
        v[COMPLETION_PLAN_CODE - 1] = "N/A";

        JsonArray services = arrayAt(doc, "cteProgramServices");
        String cip = null;
        for (int f : SERVICES.keySet()) {
            v[f - 1] = "N";
        }
        for (int i = 0; i < services.size(); i++) {
            String at = "$.cteProgramServices[" + i + "]";
            JsonObject s = services.get(i).getAsJsonObject();
            String code = code(stringAt(s, at + ".cteProgramServiceDescriptor", s.get("cteProgramServiceDescriptor")),
                    at + ".cteProgramServiceDescriptor");
            if (PimsDeliveryMethod.NAMES.containsKey(code)) {
                if (!v[DELIVERY_METHOD_CODE - 1].isEmpty()) {
                    throw new IllegalArgumentException(at + ": a second DELIVERY METHOD CODE (" + code + ")");
                }
                v[DELIVERY_METHOD_CODE - 1] = code;
                cip = stringAt(s, at + ".cipCode", s.get("cipCode"));
            } else {
                int field = SERVICES.entrySet().stream().filter(e -> e.getValue().equals(code))
                        .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new IllegalArgumentException(
                                at + ".cteProgramServiceDescriptor: '" + code + "' is not a PIMS CTE program service"));
                v[field - 1] = "Y";
            }
        }
        if (cip == null) {
            throw new IllegalArgumentException("$.cteProgramServices: no DELIVERY METHOD CODE service (#70, #75 or #80)"
                    + " carrying the cipCode");
        }
        if (!cip.matches("\\d\\d\\.\\d{4}")) {
            throw new IllegalArgumentException("$.cteProgramServices[].cipCode: '" + cip + "' is not a CIP code"
                    + " like 01.5999");
        }
        v[CIP_CODE - 1] = cip.replace(".", "");

        JsonArray statuses = arrayAt(doc, "programParticipationStatuses");
        for (int i = 0; i < statuses.size(); i++) {
            String at = "$.programParticipationStatuses[" + i + "]";
            JsonObject s = statuses.get(i).getAsJsonObject();
            String code = code(stringAt(s, at + ".participationStatusDescriptor",
                    s.get("participationStatusDescriptor")), at + ".participationStatusDescriptor");
            int field = STATUSES.entrySet().stream().filter(e -> e.getValue().equals(code))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new IllegalArgumentException(
                            at + ".participationStatusDescriptor: '" + code + "' is not a PIMS field"));
            v[field - 1] = stringAt(s, at + ".designatedBy", s.get("designatedBy"));
        }
        v[TASK_LIST_COMPLETION - 1] = code(stringAt(doc, "$.technicalSkillsAssessmentDescriptor",
                doc.get("technicalSkillsAssessmentDescriptor")), "$.technicalSkillsAssessmentDescriptor");
        return new PimsRecord(file, line, Arrays.asList(v));
    }

    /** The Ed-Fi Program of each distinct (CIP school, CIP code) of the rows, for loading before the associations. */
    public List<JsonObject> programs(Collection<PimsRecord> rows) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        for (PimsRecord r : rows) {
            long school = PimsEducationOrganizationIds.school(r.get(SUBMITTING_AUN), r.get(CIP_SCHOOL_NUMBER));
            String cip = r.get(CIP_CODE);
            out.computeIfAbsent(school + "|" + cip, k -> {
                JsonObject p = new JsonObject();
                JsonObject edOrg = new JsonObject();
                edOrg.addProperty("educationOrganizationId", school);
                p.add("educationOrganizationReference", edOrg);
                p.addProperty("programName", programName(cip));
                p.addProperty("programTypeDescriptor",
                        DescriptorUri.of(ED_FI_NAMESPACE, "ProgramTypeDescriptor", PROGRAM_TYPE).toString());
                p.addProperty("programId", cip);
                return p;
            });
        }
        return List.copyOf(out.values());
    }

    /**
     * The PIMS descriptor values the associations refer to, by Ed-Fi collection ("cteProgramServiceDescriptors",
     * "participationStatusDescriptors", "technicalSkillsAssessmentDescriptors"), ready to load.
     */
    public Map<String, List<JsonObject>> descriptors() {
        Map<String, List<JsonObject>> out = new LinkedHashMap<>();
        List<JsonObject> services = new ArrayList<>();
        PimsDeliveryMethod.NAMES.forEach((code, name) -> services.add(descriptor(SERVICE, code, name)));
        SERVICES.forEach((field, code) -> services.add(descriptor(SERVICE, code, PimsField.name(field))));
        out.put("cteProgramServiceDescriptors", services);
        List<JsonObject> statuses = new ArrayList<>();
        STATUSES.forEach((field, code) -> statuses.add(descriptor(STATUS, code, PimsField.label(field))));
        out.put("participationStatusDescriptors", statuses);
        List<JsonObject> skills = new ArrayList<>();
        for (String code : List.of("Y", "N", "N/A")) {
            skills.add(descriptor(SKILLS, code, TASK_LIST.get(code)));
        }
        out.put("technicalSkillsAssessmentDescriptors", skills);
        return out;
    }

    private JsonObject descriptor(String descriptorName, String code, String shortDescription) {
        JsonObject d = new JsonObject();
        d.addProperty("namespace", DescriptorUri.of(namespace, descriptorName, code).descriptorNamespace());
        d.addProperty("codeValue", code);
        d.addProperty("shortDescription", shortDescription);
        d.addProperty("description", "PIMS CTE Student Fact: " + shortDescription);
        return d;
    }

    private static JsonObject programReference(long school, String pimsCip) {
        JsonObject program = new JsonObject();
        program.addProperty("educationOrganizationId", school);
        program.addProperty("programName", programName(pimsCip));
        program.addProperty("programTypeDescriptor",
                DescriptorUri.of(ED_FI_NAMESPACE, "ProgramTypeDescriptor", PROGRAM_TYPE).toString());
        return program;
    }

    private JsonObject service(String code, String cip, boolean primary) {
        JsonObject s = new JsonObject();
        s.addProperty("cteProgramServiceDescriptor", uri(SERVICE, code));
        s.addProperty("cipCode", cip);
        s.addProperty("primaryIndicator", primary);
        return s;
    }

    private String uri(String descriptor, String code) {
        return DescriptorUri.of(namespace, descriptor, code).toString();
    }

    /** The code value of a descriptor URI in this mapping's namespace. */
    private String code(String uri, String at) {
        if (!DescriptorUri.isWellFormed(uri)) {
            throw new IllegalArgumentException(at + ": '" + uri + "' is not a descriptor URI");
        }
        DescriptorUri d = DescriptorUri.parse(uri);
        if (!d.namespace().equalsIgnoreCase(namespace)) {
            throw new IllegalArgumentException(at + ": '" + uri + "' is not in the PIMS namespace " + namespace);
        }
        return d.codeValue();
    }

    private static JsonObject object(JsonObject doc, String name) {
        JsonElement e = doc.get(name);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("$." + name + ": required object is missing");
        }
        return e.getAsJsonObject();
    }

    private static long longAt(JsonObject doc, String object, String name) {
        JsonElement e = object(doc, object).get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("$." + object + "." + name + ": a whole number is required");
        }
        return e.getAsLong();
    }

    private static JsonArray arrayAt(JsonObject doc, String name) {
        JsonElement e = doc.get(name);
        if (e == null || e.isJsonNull()) {
            return new JsonArray();
        }
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException("$." + name + ": an array is required");
        }
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonObject()) {
                throw new IllegalArgumentException("$." + name + ": every item must be an object");
            }
        }
        return e.getAsJsonArray();
    }

    private static LocalDate dateAt(JsonObject doc, String name) {
        String text = stringAt(doc, "$." + name, doc.get(name));
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("$." + name + ": '" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static String stringAt(JsonObject unused, String path, JsonElement e) {
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(path + ": a string is required");
        }
        return e.getAsString();
    }

    private static Map<Integer, String> ordered(Object... pairs) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Integer) pairs[i], (String) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
