package io.github.edfisdk.client;

import java.util.Locale;
import java.util.Objects;

/**
 * Ed-Fi descriptor values: {@code uri://{namespace}/{DescriptorName}#{codeValue}}, split at the first {@code #},
 * matched case-insensitively like the ODS does.
 *
 * <pre>{@code
 * Descriptors.uri("uri://ed-fi.org", "ProgramTypeDescriptor", "Career and Technical Education")
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
     * Builds a descriptor URI.
     *
     * @param namespace      e.g. {@code uri://ed-fi.org} (a trailing {@code /} is dropped; {@code uri://} is added if missing)
     * @param descriptorName e.g. {@code ProgramTypeDescriptor} (the {@code Descriptor} suffix is added if missing)
     * @param codeValue      e.g. {@code Career and Technical Education}
     */
    public static String uri(String namespace, String descriptorName, String codeValue) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(descriptorName, "descriptorName");
        Objects.requireNonNull(codeValue, "codeValue");
        String ns = namespace.strip();
        while (ns.endsWith("/")) {
            ns = ns.substring(0, ns.length() - 1);
        }
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
        return ns + "/" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "#" + codeValue;
    }

    /** A value of the default Ed-Fi namespace, e.g. {@code edFi("GradeLevelDescriptor", "Ninth grade")}. */
    public static String edFi(String descriptorName, String codeValue) {
        return uri(ED_FI_NAMESPACE, descriptorName, codeValue);
    }

    /** The code value after the first {@code #}, e.g. {@code Ninth grade}. */
    public static String codeValue(String uri) {
        return uri.substring(hash(uri) + 1);
    }

    /** The namespace, e.g. {@code uri://ed-fi.org}. */
    public static String namespace(String uri) {
        String prefix = uri.substring(0, hash(uri));
        return prefix.substring(0, slash(uri, prefix));
    }

    /** The descriptor name, e.g. {@code GradeLevelDescriptor}. */
    public static String descriptorName(String uri) {
        String prefix = uri.substring(0, hash(uri));
        return prefix.substring(slash(uri, prefix) + 1);
    }

    /** Whether {@code value} has the form {@code namespace/DescriptorName#codeValue}. */
    public static boolean isDescriptorUri(String value) {
        if (value == null) {
            return false;
        }
        int hash = value.indexOf('#');
        return hash > 0 && hash < value.length() - 1 && value.lastIndexOf('/', hash) > 0
                && value.lastIndexOf('/', hash) < hash - 1;
    }

    /** Whether two descriptor URIs name the same value (the ODS compares them case-insensitively). */
    public static boolean sameValue(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether two descriptor URIs (or bare code values) have the same code value, ignoring case and namespace. */
    public static boolean sameCode(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String ca = a.indexOf('#') >= 0 ? codeValue(a) : a;
        String cb = b.indexOf('#') >= 0 ? codeValue(b) : b;
        return ca.strip().equalsIgnoreCase(cb.strip());
    }

    private static int hash(String uri) {
        Objects.requireNonNull(uri, "uri");
        int hash = uri.indexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("'" + uri + "' is not a descriptor value: a '#' is expected to delineate "
                    + "the namespace and code value portions (uri://namespace/XDescriptor#Code)");
        }
        return hash;
    }

    private static int slash(String uri, String prefix) {
        int slash = prefix.lastIndexOf('/');
        if (slash <= 0 || slash == prefix.length() - 1) {
            throw new IllegalArgumentException("'" + uri + "' is not a descriptor value: expected "
                    + "uri://namespace/XDescriptor#Code");
        }
        return slash;
    }
}
