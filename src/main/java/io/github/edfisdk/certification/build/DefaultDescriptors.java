package io.github.edfisdk.certification.build;

import io.github.edfisdk.model.DescriptorCatalog;
import io.github.edfisdk.model.DescriptorValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads descriptor cells against Ed-Fi's default descriptor values (the model's {@link DescriptorCatalog}), so that
 * the SDK never sends, nor creates, an "Ed-Fi default" value that Ed-Fi does not define. A cell that {@code <br/>}
 * breaks inside a value (CalendarDate 3: {@code Instructional day &<br/>Student late arrival<br/>/early dismissal})
 * is read as the default values it names, when exactly that reading makes every part a default value.
 */
final class DefaultDescriptors {
    private final DescriptorCatalog catalog;

    DefaultDescriptors(DescriptorCatalog catalog) {
        this.catalog = catalog;
    }

    /** Whether the catalog knows default values for this descriptor (else nothing can be checked). */
    boolean knows(String descriptorName) {
        return descriptorName != null && !catalog.values(descriptorName).isEmpty();
    }

    /** The default value with this code (ignoring case), as Ed-Fi spells it. */
    Optional<String> code(String descriptorName, String codeValue) {
        String c = codeValue.trim();
        for (DescriptorValue v : catalog.values(descriptorName)) {
            if (v.codeValue().equalsIgnoreCase(c)) {
                return Optional.of(v.codeValue());
            }
        }
        return Optional.empty();
    }

    /**
     * The parts of a cell regrouped so that each group is a default value: consecutive parts are joined (without
     * a space around a "/", else with one) and list connectors ("&", "and", ",") at a group's ends dropped. Empty
     * when no grouping makes every group a default value.
     */
    Optional<List<String>> regroup(String descriptorName, List<String> parts) {
        return regroup(descriptorName, parts, 0);
    }

    private Optional<List<String>> regroup(String descriptorName, List<String> parts, int from) {
        if (from == parts.size()) {
            return Optional.of(new ArrayList<>());
        }
        StringBuilder joined = new StringBuilder();
        for (int to = from; to < parts.size(); to++) {
            String p = parts.get(to).trim();
            if (joined.length() > 0 && !p.startsWith("/") && joined.charAt(joined.length() - 1) != '/') {
                joined.append(' ');
            }
            joined.append(p);
            String candidate = joined.toString().replaceAll("^(?:&|and\\b|,)\\s*", "")
                    .replaceAll("\\s*(?:&|\\band|,)$", "").trim();
            Optional<String> code = code(descriptorName, candidate);
            if (code.isPresent()) {
                Optional<List<String>> rest = regroup(descriptorName, parts, to + 1);
                if (rest.isPresent()) {
                    rest.get().add(0, code.get());
                    return rest;
                }
            }
        }
        return Optional.empty();
    }

    /** "Black or African American, White, ..." for a message (at most 12 values). */
    String describe(String descriptorName) {
        List<String> codes = catalog.values(descriptorName).stream().map(DescriptorValue::codeValue).toList();
        return codes.size() <= 12 ? String.join(", ", codes)
                : String.join(", ", codes.subList(0, 12)) + ", ... (" + codes.size() + " values)";
    }
}
