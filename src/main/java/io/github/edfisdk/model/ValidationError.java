package io.github.edfisdk.model;

/**
 * One validation failure as the Ed-Fi API reports it in {@code validationErrors}.
 *
 * @param path    the JSON path, e.g. {@code $.lastSurname} or {@code $.addresses[1].city}
 * @param message the API's message, e.g. {@code LastSurname is required.}
 */
public record ValidationError(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
