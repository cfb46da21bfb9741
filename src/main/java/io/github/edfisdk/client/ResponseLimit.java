package io.github.edfisdk.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Bounds every response body: one declaring a larger {@code Content-Length} is refused before it is read, and one
 * that turns out larger (chunked, endless) stops at the limit. Either way {@link ResponseTooLargeException}, instead of
 * an {@code OutOfMemoryError} when a whole body is read into memory. Also names OkHttp's call timeout
 * ({@link #callTimeout}), which bounds the time, as a {@link CallTimeoutException}.
 */
final class ResponseLimit implements Interceptor {
    private final long maxBytes;

    ResponseLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        if (body.contentLength() > maxBytes) {
            response.close();
            throw tooLarge(request, "it declares " + body.contentLength() + " bytes; nothing was read");
        }
        Source limited = new ForwardingSource(body.source()) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    read += n;
                    if (read > maxBytes) {
                        throw tooLarge(request, "reading stopped there");
                    }
                }
                return n;
            }
        };
        BufferedSource source = Okio.buffer(limited);
        return response.newBuilder().body(ResponseBody.create(source, body.contentType(), body.contentLength())).build();
    }

    private ResponseTooLargeException tooLarge(Request request, String what) {
        return tooLarge(request, maxBytes, what);
    }

    static ResponseTooLargeException tooLarge(Request request, long maxBytes, String what) {
        return new ResponseTooLargeException(request.method() + " " + request.url() + ": the response is larger than"
                + " the limit of " + maxBytes + " bytes (" + what + "). If such answers are expected, raise"
                + " EdFiClient.builder().maxResponseBytes(...); for queries, smaller pages are the better fix.");
    }

    /**
     * Whether an I/O failure is OkHttp's call timeout: a plain {@link InterruptedIOException} "timeout" (a read
     * timeout is a {@link SocketTimeoutException}; an interrupted thread says so).
     */
    static boolean isCallTimeout(IOException e) {
        return e.getClass() == InterruptedIOException.class && "timeout".equals(e.getMessage());
    }

    /** The typed form of a call timeout. */
    static CallTimeoutException callTimeout(IOException e, String request) {
        return new CallTimeoutException((request == null ? "" : request + ": ") + "no complete answer within the call"
                + " timeout (all attempts and the whole response; 5 minutes unless set); set"
                + " EdFiClient.builder().callTimeout(...) if such a wait is expected", e);
    }
}
