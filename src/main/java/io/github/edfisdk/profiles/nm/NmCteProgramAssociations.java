package io.github.edfisdk.profiles.nm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.profiles.SchoolYear;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the studentCTEProgramAssociation records PowerSchool publishes for New Mexico ("Student CTE Programs") from
 * PowerSchool source facts, and applies the view's selection criteria.
 *
 * <p>Where the fields land: educationOrganizationReference = 35 + LEA + building; programReference = the LEA
 * (35 + LEA + 000), "Career and Technical Education" / ProgramTypeDescriptor "Career and Technical Education";
 * beginDate = the latest school entry date. The careerPathway ("Other") and CIP code ("0") go to
 * {@code ctePrograms[].careerPathwayDescriptor / cipCode} in Data Standard 4.0; Data Standard 5.1 dropped
 * {@code ctePrograms}, so they go to {@code cteProgramServices[].cteProgramServiceDescriptor / cipCode}
 * (CTEProgramServiceDescriptor carries the same career cluster values, "Other" included). The completion indicator
 * has no field in 5.1 and is sent with Data Standard 4.0 only.
 */
public final class NmCteProgramAssociations {
    /** The namespace of the default Ed-Fi descriptor values (CTE program type, CTE service/career pathway "Other"). */
    public static final String ED_FI_NAMESPACE = "uri://ed-fi.org";
    public static final String PROGRAM_NAME = "Career and Technical Education";
    public static final String PROGRAM_TYPE = "Career and Technical Education";
    public static final String CAREER_PATHWAY = "Other";
    public static final String CIP_CODE = "0";

    private final NmDistrict district;
    private final SchoolYear schoolYear;
    private final DataStandard dataStandard;
    private final String descriptorNamespace;

    /**
     * @param district            the LEA and its schools
     * @param schoolYear          the current school year (begin dates outside it are not published)
     * @param dataStandard        the shape of the payloads
     * @param descriptorNamespace namespace of the descriptor values, e.g. {@link #ED_FI_NAMESPACE}
     */
    public NmCteProgramAssociations(NmDistrict district, SchoolYear schoolYear, DataStandard dataStandard,
                                    String descriptorNamespace) {
        this.district = Objects.requireNonNull(district, "district");
        this.schoolYear = Objects.requireNonNull(schoolYear, "schoolYear");
        this.dataStandard = Objects.requireNonNull(dataStandard, "dataStandard");
        this.descriptorNamespace = Objects.requireNonNull(descriptorNamespace, "descriptorNamespace");
    }

    /** Data Standard 5.1 payloads with the default Ed-Fi descriptor namespace. */
    public static NmCteProgramAssociations ds5(NmDistrict district, SchoolYear schoolYear) {
        return new NmCteProgramAssociations(district, schoolYear, DataStandard.DS5, ED_FI_NAMESPACE);
    }

    /** The selection criteria of the view; every failed criterion is listed. */
    public NmSelection<NmCteEnrollment> select(NmCteEnrollment source) {
        List<String> reasons = new ArrayList<>();
        NmStudent student = source.student();
        if (!student.published()) {
            reasons.add("The student was not published in the Student category.");
        }
        if (!source.enrolledInCteProgram()) {
            reasons.add("The student has not enrolled in the CTE Program.");
        }
        if (!schoolYear.contains(source.enrollment().entryDate())) {
            reasons.add("The begin date of the program (" + source.enrollment().entryDate()
                    + ") is not within the current school year (" + schoolYear + ").");
        }
        if (!student.hasUniqueId()) {
            reasons.add("StudentUniqueId is not populated in PowerSchool.");
        }
        if (student.excludedFromStateReporting()) {
            reasons.add("The student is excluded from state reporting.");
        }
        int schoolNumber = NmBuildingNumbers.buildingSchoolNumber(source.enrollment());
        if (!district.hasSchool(schoolNumber)) {
            reasons.add("School_Number " + schoolNumber + " is not a school of LEA " + district.leaNumber() + ".");
        } else if (district.school(schoolNumber).excludedFromStateReporting()) {
            reasons.add("The school (School_Number " + schoolNumber + ") is excluded from state reporting.");
        }
        if (source.enrollment().hasLocationCode() && !source.enrollment().locationCode().trim().matches("\\d{1,3}")) {
            reasons.add("sx.LocationCode '" + source.enrollment().locationCode()
                    + "' is not a building number of 1 to 3 digits.");
        }
        return new NmSelection<>(source, reasons);
    }

    /** 35 + LEA + building (location code, else alternate school number if &gt; 0, else school number). */
    public long educationOrganizationId(NmCteEnrollment source) {
        return NmEducationOrganizationIds.school(district.leaNumber(),
                NmBuildingNumbers.of(source.enrollment(), district));
    }

    /**
     * The payload of one record. Does not apply the selection criteria (see {@link #select} and {@link #publish}).
     *
     * @throws IllegalArgumentException when the student has no StudentUniqueId or the building cannot be resolved
     */
    public JsonObject toPayload(NmCteEnrollment source) {
        if (!source.student().hasUniqueId()) {
            throw new IllegalArgumentException("StudentUniqueId must be populated in PowerSchool");
        }
        JsonObject doc = new JsonObject();
        doc.addProperty("beginDate", source.enrollment().entryDate().toString());
        JsonObject edOrg = new JsonObject();
        edOrg.addProperty("educationOrganizationId", educationOrganizationId(source));
        doc.add("educationOrganizationReference", edOrg);
        JsonObject program = new JsonObject();
        program.addProperty("educationOrganizationId", district.leaId());
        program.addProperty("programName", PROGRAM_NAME);
        program.addProperty("programTypeDescriptor",
                DescriptorUri.of(descriptorNamespace, "ProgramTypeDescriptor", PROGRAM_TYPE).toString());
        doc.add("programReference", program);
        JsonObject student = new JsonObject();
        student.addProperty("studentUniqueId", source.student().studentUniqueId());
        doc.add("studentReference", student);

        JsonObject cte = new JsonObject();
        if (dataStandard == DataStandard.DS4) {
            cte.addProperty("careerPathwayDescriptor",
                    DescriptorUri.of(descriptorNamespace, "CareerPathwayDescriptor", CAREER_PATHWAY).toString());
            cte.addProperty("cipCode", CIP_CODE);
            if (source.programCompleted() != null) {
                cte.addProperty("cteProgramCompletionIndicator", source.programCompleted());
            }
        } else {
            cte.addProperty("cteProgramServiceDescriptor",
                    DescriptorUri.of(descriptorNamespace, "CTEProgramServiceDescriptor", CAREER_PATHWAY).toString());
            cte.addProperty("cipCode", CIP_CODE);
        }
        JsonArray list = new JsonArray();
        list.add(cte);
        doc.add(dataStandard == DataStandard.DS4 ? "ctePrograms" : "cteProgramServices", list);
        return doc;
    }

    /**
     * Applies the selection criteria to every source record and builds one payload per student and enrollment
     * period; a second source record for the same student, school and begin date is excluded as a duplicate.
     */
    public NmPublication<NmCteEnrollment> publish(List<NmCteEnrollment> sources) {
        List<JsonObject> payloads = new ArrayList<>();
        List<NmSelection<NmCteEnrollment>> decisions = new ArrayList<>();
        Map<String, Integer> published = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            NmSelection<NmCteEnrollment> selection = select(sources.get(i));
            if (selection.included()) {
                JsonObject payload = toPayload(selection.source());
                Integer first = published.putIfAbsent(NmRecordKeys.comparable(payload), i);
                if (first != null) {
                    selection = new NmSelection<>(selection.source(), List.of("A single record is published for each"
                            + " student and each enrollment period: source record " + (first + 1)
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
