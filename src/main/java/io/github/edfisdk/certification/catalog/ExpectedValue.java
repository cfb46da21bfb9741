package io.github.edfisdk.certification.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.model.ScalarType;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A table value resolved for one scenario: typed when it could be, otherwise saying what is missing. */
public sealed interface ExpectedValue {
    /** Whether the value is known (can be sent and compared). */
    default boolean isKnown() {
        return !(this instanceof Absent || this instanceof NeedsSystemValue || this instanceof Unresolved);
    }

    /** The JSON to send, for known values. */
    default JsonElement toJson(String namespace, ScalarType type) {
        throw new IllegalStateException("no JSON for " + this);
    }

    /** An empty cell. */
    record Absent() implements ExpectedValue {
    }

    record Text(String value) implements ExpectedValue {
        @Override
        public JsonElement toJson(String namespace, ScalarType type) {
            return new JsonPrimitive(value);
        }
    }

    record Number(BigDecimal value) implements ExpectedValue {
        @Override
        public JsonElement toJson(String namespace, ScalarType type) {
            if ((type == ScalarType.INT32 || type == ScalarType.INT64) && value.stripTrailingZeros().scale() <= 0) {
                return new JsonPrimitive(value.longValueExact());
            }
            if (type == ScalarType.STRING) {
                return new JsonPrimitive(value.toPlainString());
            }
            return new JsonPrimitive(value);
        }
    }

    record Bool(boolean value) implements ExpectedValue {
        @Override
        public JsonElement toJson(String namespace, ScalarType type) {
            return new JsonPrimitive(value);
        }
    }

    record Date(LocalDate value) implements ExpectedValue {
        @Override
        public JsonElement toJson(String namespace, ScalarType type) {
            return new JsonPrimitive(type == ScalarType.DATE_TIME ? value + "T00:00:00Z" : value.toString());
        }
    }

    /** A descriptor's code value, e.g. ("TechnicalSkillsAssessmentDescriptor", "Passed"). */
    record Descriptor(String descriptorName, String codeValue) implements ExpectedValue {
        @Override
        public JsonElement toJson(String namespace, ScalarType type) {
            return new JsonPrimitive(DescriptorUri.of(namespace, descriptorName, codeValue).toString());
        }
    }

    /**
     * A value the tester's system assigns, e.g. {@code ["207220" if possible | system value]}.
     *
     * @param placeholder the cell text
     * @param suggested   the value the page suggests ("207220"), or null
     */
    record NeedsSystemValue(String placeholder, String suggested) implements ExpectedValue {
    }

    /** A cell that cannot be turned into a value of the property's type, with the reason. */
    record Unresolved(String raw, String reason) implements ExpectedValue {
    }
}
