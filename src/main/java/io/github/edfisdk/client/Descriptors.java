package io.github.edfisdk.client;

import io.github.edfisdk.model.DescriptorUri;
import java.util.Objects;

/**
 * Shortcuts for descriptor values in client code; the parsing itself is {@link DescriptorUri}'s
 * ({@code uri://{namespace}/{DescriptorName}#{codeValue}}, split at the first {@code #}, matched ignoring case).
 *
 * <pre>{@code
 * Descriptors.edFi("ProgramType", "Career and Technical Education")
 *   // "uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education"
 * Descriptors.codeValue("uri://ed-fi.org/GradeLevelDescriptor#Ninth grade")   // "Ninth grade"
 * Descriptors.sameValue("uri://ed-fi.org/SexDescriptor#Female", "URI://ED-FI.ORG/SexDescriptor#female") // true
 * }</pre>
 */
public final class Descriptors {
    /** The namespace of the default Ed-Fi descriptor values. */
    public static final String ED_FI_NAMESPACE = "uri://ed-fi.org";

    private Descriptors() {
    }

    /**
     * Builds a descriptor URI, forgiving the usual slips.
     *
     * @param namespace      e.g. {@code uri://ed-fi.org} ({@code uri://} is added when missing, a trailing {@code /} dropped)
     * @param descriptorName e.g. {@code ProgramTypeDescriptor} or {@code ProgramType} (the suffix is added)
     * @param codeValue      e.g. {@code Career and Technical Education}; must not be empty
     */
    public static String uri(String namespace, String descriptorName, String codeValue) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(descriptorName, "descriptorName");
        Objects.requireNonNull(codeValue, "codeValue");
        String ns = namespace.strip();
        if (!ns.contains("://")) {
            ns = "uri://" + ns;
        }
        String name = descriptorName.strip();
        if (name.isEmpty() || name.contains("/") || name.contains("#")) {
            throw new IllegalArgumentException("Invalid descriptor name '" + descriptorName + "'");
        }
        if (!name.endsWith("Descriptor")) {
            name = name + "Descriptor";
        }
        if (codeValue.isEmpty()) {
            throw new IllegalArgumentException("A descriptor code value must not be empty");
        }
        return DescriptorUri.of(ns, Character.toUpperCase(name.charAt(0)) + name.substring(1), codeValue).toString();
    }

    /** A value of the default Ed-Fi namespace, e.g. {@code edFi("GradeLevelDescriptor", "Ninth grade")}. */
    public static String edFi(String descriptorName, String codeValue) {
        return uri(ED_FI_NAMESPACE, descriptorName, codeValue);
    }

    /**
     * The parts of a descriptor URI.
     *
     * @throws IllegalArgumentException when {@code uri} has no {@code #}, namespace or code value
     */
    public static DescriptorUri parse(String uri) {
        return DescriptorUri.parse(uri);
    }

    /** The code value of a descriptor URI, e.g. {@code Ninth grade}; throws when {@code uri} is not one. */
    public static String codeValue(String uri) {
        return DescriptorUri.parse(uri).codeValue();
    }

    /** Whether two descriptor URIs name the same value (namespace and code value, ignoring case, as the ODS does). */
    public static boolean sameValue(String a, String b) {
        return DescriptorUri.isWellFormed(a) && DescriptorUri.isWellFormed(b)
                && DescriptorUri.parse(a.strip()).matches(DescriptorUri.parse(b.strip()));
    }

    /** Whether two descriptor URIs or bare code values have the same code value, ignoring case and namespace. */
    public static boolean sameCode(String a, String b) {
        return DescriptorUri.sameCode(a, b);
    }
}
