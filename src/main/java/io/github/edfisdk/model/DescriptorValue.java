package io.github.edfisdk.model;

/**
 * One descriptor value from the Ed-Fi default descriptor files.
 *
 * @param descriptorName e.g. {@code ProgramTypeDescriptor}
 * @param namespace      the descriptor's namespace field, e.g. {@code uri://ed-fi.org/ProgramTypeDescriptor}
 */
public record DescriptorValue(String descriptorName, String namespace, String codeValue, String shortDescription,
                              String description) {
    /** {@code namespace#codeValue}. */
    public String uri() {
        return namespace + "#" + codeValue;
    }
}
