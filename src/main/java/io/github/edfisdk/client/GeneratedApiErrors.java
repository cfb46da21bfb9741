package io.github.edfisdk.client;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Maps the four generated {@code ApiException} classes (one per invoker package) to the SDK's exceptions. */
final class GeneratedApiErrors {
    private GeneratedApiErrors() {
    }

    static EdFiException convert(Exception e) {
        if (e instanceof EdFiException sdk) {
            return sdk;
        }
        if (e instanceof io.github.edfisdk.ds5.resources.invoker.ApiException a) {
            return convert(a.getCode(), a.getResponseBody(), a.getResponseHeaders(), a);
        }
        if (e instanceof io.github.edfisdk.ds5.descriptors.invoker.ApiException a) {
            return convert(a.getCode(), a.getResponseBody(), a.getResponseHeaders(), a);
        }
        if (e instanceof io.github.edfisdk.ds4.resources.invoker.ApiException a) {
            return convert(a.getCode(), a.getResponseBody(), a.getResponseHeaders(), a);
        }
        if (e instanceof io.github.edfisdk.ds4.descriptors.invoker.ApiException a) {
            return convert(a.getCode(), a.getResponseBody(), a.getResponseHeaders(), a);
        }
        if (e instanceof IOException io) {
            return fromIo(io, null);
        }
        if (e instanceof com.google.gson.JsonParseException json) {
            // A generated client could not read the answer: the parser's words, not Gson's class names and links.
            return new EdFiException("the response is not JSON of the expected shape: "
                    + io.github.edfisdk.model.StrictJson.parserWords(json), e);
        }
        return new EdFiException(String.valueOf(e.getMessage()), e);
    }

    private static EdFiException convert(int code, String body, Map<String, List<String>> headers, Exception e) {
        if (code == 0) {
            // The generated client reports I/O failures (and the token endpoint's refusal) as code 0 with a cause.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause instanceof IOException io ? fromIo(io, null) : new EdFiException(String.valueOf(cause.getMessage()), e);
        }
        return EdFiApiException.of(code, body, null, headers, e);
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
