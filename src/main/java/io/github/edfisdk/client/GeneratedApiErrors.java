package io.github.edfisdk.client;

import java.io.IOException;

/** Maps what a generated client threw (its {@code ApiException}, an I/O failure) to the SDK's typed exceptions. */
final class GeneratedApiErrors {
    private GeneratedApiErrors() {
    }

    static EdFiException convert(Exception e, String request) {
        if (e instanceof GeneratedApiError g) {
            EdFiException typed = convert(g.getCode(), g.getResponseBody(), request, g, e);
            if (typed != null) {
                return typed;
            }
        }
        if (e instanceof EdFiException sdk) {
            return sdk;
        }
        if (e instanceof IOException io) {
            return fromIo(io, request);
        }
        String prefix = request == null ? "" : request + ": ";
        if (e instanceof com.google.gson.JsonParseException json) {
            // A generated client could not read the answer: the parser's words, not Gson's class names and links.
            return new EdFiException(prefix + "the response is not JSON of the expected shape: "
                    + io.github.edfisdk.model.StrictJson.parserWords(json), e);
        }
        return new EdFiException(prefix + e.getMessage(), e);
    }

    /** The typed exception of a generated error, or null when it carries neither a status nor an I/O cause. */
    private static EdFiException convert(int code, String body, String request, GeneratedApiError g, Exception e) {
        if (code == 0) {
            // The generated client reports I/O failures (and the token endpoint's refusal) as code 0 with a cause.
            return e.getCause() instanceof IOException io ? fromIo(io, request) : null;
        }
        return EdFiApiException.of(code, body, request, g.getResponseHeaders(), e);
    }

    /** An I/O failure: the token endpoint's refusal keeps its status; anything else is a connection failure. */
    static EdFiException fromIo(IOException e, String request) {
        if (e instanceof TokenRequestException t) {
            return EdFiApiException.of(t.status(), t.body(), "POST " + t.tokenUrl(), null, e);
        }
        if (ResponseLimit.isCallTimeout(e)) {
            return ResponseLimit.callTimeout(e, request);
        }
        return new EdFiConnectionException((request == null ? "" : request + ": ") + e.getMessage(), e);
    }
}
