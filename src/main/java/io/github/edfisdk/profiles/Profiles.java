package io.github.edfisdk.profiles;

import io.github.edfisdk.profiles.in.CurricularMaterialProfile;
import io.github.edfisdk.profiles.nm.NmCteProfile;
import io.github.edfisdk.profiles.nm.NmEarlyChildhoodProfile;
import io.github.edfisdk.profiles.pa.PimsCteProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The state profiles the SDK ships, by the id used on the command line. */
public final class Profiles {
    private Profiles() {
    }

    /**
     * @param schoolYear the school year whose date rules apply (e.g. 2025 = 2024-07-01..2025-06-30), or null to check
     *                   every rule but the school-year ones
     */
    public static Map<String, RecordProfile> all(Integer schoolYear) {
        SchoolYear year = schoolYear == null ? null : SchoolYear.startingIn(schoolYear - 1);
        Map<String, RecordProfile> out = new LinkedHashMap<>();
        for (RecordProfile p : List.of(
                year == null ? new NmCteProfile() : new NmCteProfile(year),
                year == null ? new NmEarlyChildhoodProfile() : new NmEarlyChildhoodProfile(year),
                year == null ? new CurricularMaterialProfile() : new CurricularMaterialProfile(year),
                year == null ? new PimsCteProfile() : new PimsCteProfile(year))) {
            out.put(p.id(), p);
        }
        EXTRA.forEach((id, make) -> out.put(id, make.apply(year)));
        return out;
    }

    // Profiles whose rules do not depend on the school year.
    private static final Map<String, Function<SchoolYear, RecordProfile>> EXTRA = new LinkedHashMap<>();

    /** The profile with this id (case-insensitive). */
    public static Optional<RecordProfile> byId(String id, Integer schoolYear) {
        return Optional.ofNullable(all(schoolYear).get(id.toLowerCase(Locale.ROOT)));
    }
}
