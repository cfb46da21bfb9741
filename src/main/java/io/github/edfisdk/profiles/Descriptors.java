package io.github.edfisdk.profiles;

import java.util.Locale;

/**
 * Descriptor URIs as the state profiles write and compare them: {@code namespace/DescriptorName#CodeValue}.
 * Profiles compare code values only (case-insensitively), because each state publishes its own namespace.
 */
public final class Descriptors {
    /** The namespace of the default Ed-Fi descriptor values. */
    public static final String ED_FI = "uri://ed-fi.org";

    private Descriptors() {
    }

    /** {@code uri("uri://ed-fi.org", "ProgramTypeDescriptor", "Career and Technical Education")}. */
    public static String uri(String namespace, String descriptorName, String codeValue) {
        String ns = namespace.endsWith("/") ? namespace.substring(0, namespace.length() - 1) : namespace;
        return ns + "/" + descriptorName + "#" + codeValue;
    }

    /** The code value after '#', or the whole text when it has no '#'. */
    public static String codeValue(String descriptor) {
        int hash = descriptor.lastIndexOf('#');
        return hash < 0 ? descriptor : descriptor.substring(hash + 1);
    }

    /** Whether the descriptor's code value equals {@code codeValue}, ignoring case and surrounding blanks. */
    public static boolean hasCode(String descriptor, String codeValue) {
        return codeValue(descriptor).trim().toLowerCase(Locale.ROOT).equals(codeValue.trim().toLowerCase(Locale.ROOT));
    }
}
