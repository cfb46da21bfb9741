package io.github.edfisdk.client;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs each attempt of each request (after authentication, so a retried 401 shows twice) with the values of
 * {@code Authorization}, {@code Cookie} and similar headers replaced by {@code ██}. Bodies are never logged: token
 * responses carry the token and form bodies may carry the secret.
 */
public final class RedactingLoggingInterceptor implements Interceptor {
    private static final Set<String> SENSITIVE = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    private final HttpLogger logger;
    private final HttpLogger.Level level;

    /**
     * @param logger where lines go
     * @param level  how much to log
     */
    public RedactingLoggingInterceptor(HttpLogger logger, HttpLogger.Level level) {
        this.logger = logger;
        this.level = level;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (level == HttpLogger.Level.NONE) {
            return chain.proceed(request);
        }
        logger.log("--> " + request.method() + " " + request.url());
        if (level == HttpLogger.Level.HEADERS) {
            logHeaders(request.headers());
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            logger.log("<-- FAILED " + request.method() + " " + request.url() + ": " + e.getMessage());
            throw e;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        logger.log("<-- " + response.code() + " " + request.method() + " " + request.url() + " (" + ms + " ms)");
        if (level == HttpLogger.Level.HEADERS) {
            logHeaders(response.headers());
        }
        return response;
    }

    private void logHeaders(Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            boolean secret = SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
            logger.log("    " + name + ": " + (secret ? "██" : headers.value(i)));
        }
    }
}
