package io.github.edfisdk.certification.catalog;

import io.github.edfisdk.model.DataStandard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A SIS certification suite: its folder of scenario pages and the Data Standard its payloads follow. */
public enum Suite {
    /** SIS certification v4, Data Standard 4.0 (ODS/API 6.1). */
    SIS_V4("sis-v4", DataStandard.DS4),
    /** SIS certification v5, Data Standard 5.1 (ODS/API 7.x). */
    SIS_V5("sis-v5", DataStandard.DS5);

    private final String folder;
    private final DataStandard dataStandard;

    Suite(String folder, DataStandard dataStandard) {
        this.folder = folder;
        this.dataStandard = dataStandard;
    }

    /** "sis-v4" or "sis-v5". */
    public String folder() {
        return folder;
    }

    public DataStandard dataStandard() {
        return dataStandard;
    }

    /** The folder of the pages relative to {@code edfi/}, e.g. {@code certification/sis-v4/test-scenarios}. */
    public String pagesFolder() {
        return "certification/" + folder + "/test-scenarios";
    }

    /** The page file names of this suite (the readme is not a scenario page), sorted. */
    public List<String> pageFiles() {
        List<String> out = new ArrayList<>();
        for (String f : io.github.edfisdk.model.SharedFiles.list(pagesFolder())) {
            if (f.endsWith(".md") && !f.equalsIgnoreCase("readme.md")) {
                out.add(f);
            }
        }
        return out;
    }

    /** Accepts "sis-v4", "v4", "4", "SIS_V5", "5" ... */
    public static Suite parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.endsWith("4") || t.endsWith("4.0")) {
            return SIS_V4;
        }
        if (t.endsWith("5") || t.endsWith("5.1")) {
            return SIS_V5;
        }
        throw new IllegalArgumentException("Unknown certification suite '" + text + "': use sis-v4 or sis-v5");
    }
}
