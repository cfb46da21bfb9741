package io.github.edfisdk.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** One property of a resource body, a reference, a common type or a collection item, as the spec declares it. */
public final class Property {
    /** What a property holds. */
    public enum Kind {
        /** string, number, boolean, date... */
        SCALAR,
        /** a descriptor URI string such as {@code uri://ed-fi.org/ProgramTypeDescriptor#Athletics} */
        DESCRIPTOR,
        /** a reference object ({@code xReference}) holding the identity of another resource */
        REFERENCE,
        /** an embedded object (a common type, {@code _ext}) */
        OBJECT,
        /** an array of objects or of scalars */
        COLLECTION
    }

    private final String name;
    private final Kind kind;
    private final ScalarType scalarType;
    private final boolean required;
    private final boolean identity;
    private final Integer maxLength;
    private final ObjectType type;
    // Settled by DataStandardModel once every spec of the Data Standard is read (then never changed).
    private String descriptorName;
    private List<String> referenceTargets;
    // The spec's minLength, minimum and maximum (set once by SpecReader).
    private Integer minLength;
    private BigDecimal minimum;
    private BigDecimal maximum;

    Property(String name, Kind kind, ScalarType scalarType, boolean required, boolean identity, Integer maxLength,
             ObjectType type, String descriptorName, List<String> referenceTargets) {
        this.name = name;
        this.kind = kind;
        this.scalarType = scalarType;
        this.required = required;
        this.identity = identity;
        this.maxLength = maxLength;
        this.type = type;
        this.descriptorName = descriptorName;
        this.referenceTargets = List.copyOf(referenceTargets);
    }

    void constrain(Integer minLength, BigDecimal minimum, BigDecimal maximum) {
        this.minLength = minLength;
        this.minimum = minimum;
        this.maximum = maximum;
    }

    void settleDescriptorName(String descriptorName) {
        this.descriptorName = descriptorName;
    }

    void settleReferenceTargets(List<String> targets) {
        this.referenceTargets = List.copyOf(targets);
    }

    /** The JSON property name, e.g. {@code programReference}. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** For SCALAR, DESCRIPTOR (always STRING) and COLLECTION of scalars; null otherwise. */
    public ScalarType scalarType() {
        return scalarType;
    }

    /** Listed in the spec's {@code required}. */
    public boolean required() {
        return required;
    }

    /**
     * Part of the natural key of the object that holds it: {@code x-Ed-Fi-isIdentity} on a scalar, or a reference
     * whose every key field is an identity query parameter of the resource.
     */
    public boolean identity() {
        return identity;
    }

    public OptionalInt maxLength() {
        return maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength);
    }

    /** The spec's {@code minLength} of a string. */
    public OptionalInt minLength() {
        return minLength == null ? OptionalInt.empty() : OptionalInt.of(minLength);
    }

    /** The spec's {@code minimum} of a number. */
    public Optional<BigDecimal> minimum() {
        return Optional.ofNullable(minimum);
    }

    /** The spec's {@code maximum} of a number. */
    public Optional<BigDecimal> maximum() {
        return Optional.ofNullable(maximum);
    }

    /** The object type for OBJECT, REFERENCE and COLLECTION of objects; null otherwise. */
    public ObjectType type() {
        return type;
    }

    /** For DESCRIPTOR: the descriptor's name, e.g. {@code ProgramTypeDescriptor}; null otherwise. */
    public String descriptorName() {
        return descriptorName;
    }

    /** For REFERENCE: the names of the resources it may point to (several for abstract references). */
    public List<String> referenceTargets() {
        return referenceTargets;
    }

    public boolean isCollectionOfObjects() {
        return kind == Kind.COLLECTION && type != null;
    }

    @Override
    public String toString() {
        return name + ":" + kind + (scalarType != null ? "(" + scalarType + ")" : "")
                + (type != null ? "<" + type.name() + ">" : "");
    }
}
