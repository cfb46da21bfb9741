package io.github.edfisdk.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A descriptor value as the Ed-Fi API writes it: {@code uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education}.
 * The text before the first {@code #} is the descriptor's namespace field; the rest is its code value.
 */
public final class DescriptorUri {
    private final String descriptorNamespace;
    private final String codeValue;

    private DescriptorUri(String descriptorNamespace, String codeValue) {
        this.descriptorNamespace = descriptorNamespace;
        this.codeValue = codeValue;
    }

    /**
     * Splits at the first {@code #}.
     *
     * @throws IllegalArgumentException when there is no {@code #}, or the namespace or the code value is empty
     */
    public static DescriptorUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        int hash = uri.indexOf('#');
        if (hash <= 0 || hash == uri.length() - 1) {
            throw new IllegalArgumentException("'" + uri + "' is not a descriptor URI: expected namespace#codeValue,"
                    + " e.g. uri://ed-fi.org/ProgramTypeDescriptor#Athletics");
        }
        return new DescriptorUri(uri.substring(0, hash), uri.substring(hash + 1));
    }

    /** True when the text has a namespace, a {@code #} and a code value. */
    public static boolean isWellFormed(String uri) {
        if (uri == null) {
            return false;
        }
        int hash = uri.indexOf('#');
        return hash > 0 && hash < uri.length() - 1;
    }

    /**
     * Builds {@code {namespace}/{descriptorName}#{codeValue}}.
     *
     * @param namespace      the organisation's namespace, e.g. {@code uri://ed-fi.org} (a trailing slash is ignored)
     * @param descriptorName e.g. {@code ProgramTypeDescriptor}
     */
    public static DescriptorUri of(String namespace, String descriptorName, String codeValue) {
        String ns = namespace.endsWith("/") ? namespace.substring(0, namespace.length() - 1) : namespace;
        return new DescriptorUri(ns + "/" + descriptorName, codeValue);
    }

    /** The code value of a descriptor URI, or the text itself when it has no {@code #} (a bare code value). */
    public static String codeValueOf(String uriOrCode) {
        int hash = uriOrCode.indexOf('#');
        return hash < 0 ? uriOrCode : uriOrCode.substring(hash + 1);
    }

    /** Whether two descriptor values (URIs or bare code values) have the same code value, ignoring case. */
    public static boolean sameCode(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return codeValueOf(a).trim().equalsIgnoreCase(codeValueOf(b).trim());
    }

    /** The organisation's namespace, e.g. {@code uri://ed-fi.org}: the descriptor namespace without its last segment. */
    public String namespace() {
        int slash = descriptorNamespace.lastIndexOf('/');
        return slash > "uri://".length() ? descriptorNamespace.substring(0, slash) : descriptorNamespace;
    }

    /** The last segment of the namespace, by convention the descriptor name, e.g. {@code ProgramTypeDescriptor}. */
    public String descriptorName() {
        int slash = descriptorNamespace.lastIndexOf('/');
        return slash > "uri://".length() ? descriptorNamespace.substring(slash + 1) : "";
    }

    /** The value of the descriptor's {@code namespace} field, e.g. {@code uri://ed-fi.org/ProgramTypeDescriptor}. */
    public String descriptorNamespace() {
        return descriptorNamespace;
    }

    public String codeValue() {
        return codeValue;
    }

    /** Equality as the ODS matches descriptors: ignoring case. */
    public boolean matches(DescriptorUri other) {
        return descriptorNamespace.equalsIgnoreCase(other.descriptorNamespace) && codeValue.equalsIgnoreCase(other.codeValue);
    }

    /** A case-folded form for map keys. */
    public String key() {
        return toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DescriptorUri && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return descriptorNamespace + "#" + codeValue;
    }
}
