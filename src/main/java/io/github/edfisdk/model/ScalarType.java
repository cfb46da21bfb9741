package io.github.edfisdk.model;

/** The JSON scalar kinds of the Ed-Fi specs ({@code type}/{@code format}). */
public enum ScalarType {
    STRING, INT32, INT64, NUMBER, BOOLEAN, DATE, DATE_TIME, TIME;

    static ScalarType of(String type, String format) {
        if (type == null) {
            return STRING;
        }
        switch (type) {
            case "integer":
                return "int64".equals(format) ? INT64 : INT32;
            case "number":
                return NUMBER;
            case "boolean":
                return BOOLEAN;
            case "string":
                if ("date".equals(format)) {
                    return DATE;
                }
                if ("date-time".equals(format)) {
                    return DATE_TIME;
                }
                if ("time".equals(format)) {
                    return TIME;
                }
                return STRING;
            default:
                return STRING;
        }
    }
}
