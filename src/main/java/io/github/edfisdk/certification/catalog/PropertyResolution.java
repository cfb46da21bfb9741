package io.github.edfisdk.certification.catalog;

import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.PropertyPath;
import java.util.List;

/**
 * Where a table row's property sits in the resource's JSON, as resolved against the Data Standard's spec.
 *
 * @param path    the JSON path from the resource's root (collection segments included, without indexes), or null
 * @param chain   the spec property of each segment of {@code path} (same length), empty when unresolved
 * @param rule    how the table's names were mapped (e.g. "exact", "case-insensitive", "alias schooYearTypeReference",
 *                "type-name container educationOrganizationAddresses -> addresses", "flattened reference key"); or ""
 * @param problem why the row could not be resolved, or null when resolved
 */
public record PropertyResolution(PropertyPath path, List<Property> chain, String rule, String problem) {
    public PropertyResolution {
        chain = List.copyOf(chain);
    }

    static PropertyResolution resolved(List<Property> chain, String rule) {
        return new PropertyResolution(new PropertyPath(chain.stream().map(Property::name).toList()), chain, rule, null);
    }

    static PropertyResolution unresolved(String problem) {
        return new PropertyResolution(null, List.of(), "", problem);
    }

    public boolean isResolved() {
        return problem == null;
    }

    /** The spec property the row names (the last of the chain). */
    public Property property() {
        return chain.isEmpty() ? null : chain.get(chain.size() - 1);
    }

    /** Whether the row holds a value (scalar, descriptor or scalar collection) rather than declaring a container. */
    public boolean isLeaf() {
        Property p = property();
        return p != null && (p.kind() == Property.Kind.SCALAR || p.kind() == Property.Kind.DESCRIPTOR
                || (p.kind() == Property.Kind.COLLECTION && p.type() == null));
    }
}
