package io.github.edfisdk.sandbox.seed;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DescriptorValue;
import io.github.edfisdk.model.DocumentValidator;
import io.github.edfisdk.model.SharedFiles;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.model.ValidationError;
import io.github.edfisdk.model.xml.InterchangeReader;
import io.github.edfisdk.sandbox.Seed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * The start-up data of a sandbox. MINIMAL: every default Ed-Fi descriptor value and the school years 1991-2050 (the
 * ODS ships both). POPULATED: MINIMAL plus the Grand Bend education organizations, programs and students, read from
 * the sample XML interchanges and validated like any POST body.
 */
public final class SandboxSeeder {
    private static final Logger LOG = Logger.getLogger(SandboxSeeder.class.getName());
    static final List<String> GRAND_BEND_FILES = List.of(
            "sample-data/grand-bend/AncestryEthnicOriginDescriptor.xml", "sample-data/grand-bend/BusRouteDescriptor.xml",
            "sample-data/grand-bend/DiagnosisDescriptor.xml", "sample-data/grand-bend/DualCreditInstitutionDescriptor.xml",
            "sample-data/grand-bend/IndicatorDescriptor.xml", "sample-data/grand-bend/IndicatorGroupDescriptor.xml",
            "sample-data/grand-bend/IndicatorLevelDescriptor.xml",
            "sample-data/grand-bend/ProgramCharacteristicDescriptor.xml",
            "sample-data/grand-bend/EducationOrganization.xml", "sample-data/grand-bend/Student.xml");

    private SandboxSeeder() {
    }

    /**
     * Feeds the seed documents, cleaned and in dependency order, to the store.
     *
     * @param store receives each resource and its validated document
     * @return the number of documents stored
     */
    public static int seed(DataStandardModel model, Seed seed, BiConsumer<ResourceModel, JsonObject> store) {
        if (seed == Seed.EMPTY) {
            return 0;
        }
        int n = 0;
        for (DescriptorValue v : model.descriptorValues().all()) {
            ResourceModel r = model.resource(v.descriptorName()).orElse(null);
            if (r == null) {
                continue;
            }
            JsonObject d = new JsonObject();
            d.addProperty("codeValue", v.codeValue());
            d.addProperty("namespace", v.namespace());
            d.addProperty("shortDescription", truncate(v.shortDescription(), 75));
            if (v.description() != null && !v.description().isBlank()) {
                d.addProperty("description", truncate(v.description(), 1024));
            }
            n += accept(r, d, "descriptors/" + v.descriptorName() + ".xml", store);
        }
        ResourceModel schoolYears = model.resource("SchoolYearType").orElse(null);
        if (schoolYears != null) {
            LocalDate today = LocalDate.now();
            int current = today.getMonthValue() >= 8 ? today.getYear() + 1 : today.getYear();
            for (int y = 1991; y <= 2050; y++) {
                JsonObject d = new JsonObject();
                d.addProperty("schoolYear", y);
                d.addProperty("currentSchoolYear", y == current);
                d.addProperty("schoolYearDescription", (y - 1) + "-" + y);
                n += accept(schoolYears, d, "school years", store);
            }
        }
        if (seed == Seed.POPULATED) {
            n += grandBend(model, store);
        }
        return n;
    }

    private static int grandBend(DataStandardModel model, BiConsumer<ResourceModel, JsonObject> store) {
        record Doc(ResourceModel resource, JsonObject json, String file) {
        }
        List<Doc> docs = new ArrayList<>();
        InterchangeReader reader = new InterchangeReader(model);
        for (String file : GRAND_BEND_FILES) {
            if (!SharedFiles.exists(file)) {
                LOG.warning(file + " is not available; the populated seed goes without it");
                continue;
            }
            try (InputStream in = SharedFiles.open(file)) {
                reader.read(in, file, (r, json, line) -> docs.add(new Doc(r, json, file + " line " + line)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        // Descriptors first (the dependency list does not order them), then by the dependency order.
        docs.sort(Comparator.comparingInt((Doc d) -> d.resource().isDescriptor() ? 0 : 1)
                .thenComparingInt(d -> model.order(d.resource())));
        int n = 0;
        for (Doc d : docs) {
            n += accept(d.resource(), d.json(), d.file(), store);
        }
        return n;
    }

    private static int accept(ResourceModel r, JsonObject doc, String source,
                              BiConsumer<ResourceModel, JsonObject> store) {
        List<ValidationError> errors = DocumentValidator.get().validate(r, doc);
        if (!errors.isEmpty()) {
            LOG.warning(source + ": " + r.name() + " " + r.naturalKey(doc) + " not seeded: " + errors);
            return 0;
        }
        try {
            store.accept(r, doc);
            return 1;
        } catch (RuntimeException first) {
            // The sample files refer to some items they do not contain (e.g. a student's optional personReference):
            // such optional references are dropped rather than losing the whole record.
            JsonObject trimmed = withoutOptionalReferences(r, doc);
            if (trimmed.size() != doc.size()) {
                try {
                    store.accept(r, trimmed);
                    return 1;
                } catch (RuntimeException ignored) {
                    // reported below with the first error
                }
            }
            RuntimeException e = first;
            LOG.warning(source + ": " + r.name() + " " + r.naturalKey(doc) + " not seeded: " + e.getMessage());
            return 0;
        }
    }

    private static JsonObject withoutOptionalReferences(ResourceModel r, JsonObject doc) {
        JsonObject out = doc.deepCopy();
        for (Property p : r.references()) {
            if (!p.required() && !p.identity()) {
                out.remove(p.name());
            }
        }
        return out;
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
