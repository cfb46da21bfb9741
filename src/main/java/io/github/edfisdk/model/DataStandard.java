package io.github.edfisdk.model;

import java.util.Locale;

/** The Ed-Fi Data Standards the SDK is generated for, with the ODS/API line that serves each. */
public enum DataStandard {
    /** Data Standard 4.0, served by ODS/API 6.1 (SIS certification v4). educationOrganizationId is int32. */
    DS4("4.0", "4.0.0", "6.1", "ds4.0"),
    /** Data Standard 5.1, served by ODS/API 7.x (SIS certification v5). educationOrganizationId is int64. */
    DS5("5.1", "5.1.0", "7.2", "ds5.1");

    private final String version;
    private final String fullVersion;
    private final String odsApiVersion;
    private final String folder;

    DataStandard(String version, String fullVersion, String odsApiVersion, String folder) {
        this.version = version;
        this.fullVersion = fullVersion;
        this.odsApiVersion = odsApiVersion;
        this.folder = folder;
    }

    /** "4.0" or "5.1". */
    public String version() {
        return version;
    }

    /** The data model version the root document reports, e.g. "5.1.0". */
    public String fullVersion() {
        return fullVersion;
    }

    /** The ODS/API version that serves this Data Standard, e.g. "7.2". */
    public String odsApiVersion() {
        return odsApiVersion;
    }

    /** Folder of this Data Standard's specs under {@code edfi/openapi/}. */
    public String specFolder() {
        return folder;
    }

    /** Accepts "4", "4.0", "4.0.0", "ds4", "DS4", "5", "5.1", "5.1.0", "ds5.1" ... */
    public static DataStandard parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("ds")) {
            t = t.substring(2);
        }
        if (t.equals("4") || t.startsWith("4.")) {
            return DS4;
        }
        if (t.equals("5") || t.startsWith("5.")) {
            return DS5;
        }
        throw new IllegalArgumentException("Unknown Data Standard '" + text + "': use 4.0 or 5.1");
    }
}
