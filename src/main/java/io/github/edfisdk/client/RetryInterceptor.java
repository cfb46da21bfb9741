package io.github.edfisdk.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a request again, as its {@link RetryPolicy} allows, when the answer is a retryable status or no answer
 * arrived. An application interceptor placed before authentication, so every attempt gets a valid token. When the
 * retries are used up, the last response is returned (the caller turns it into a typed exception) or the last
 * connection failure is thrown with the number of attempts.
 */
public final class RetryInterceptor implements Interceptor {
    /** Waits between attempts; replaced in tests to record the waits instead of sleeping. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    /** @param policy the retry policy of every request through this interceptor (unless a request opts out) */
    public RetryInterceptor(RetryPolicy policy) {
        this(policy, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000), Clock.systemUTC());
    }

    RetryInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestOptions options = request.tag(RequestOptions.class);
        boolean retryAllowed = options == null || options.retry() == null || options.retry();
        int maxAttempts = retryAllowed ? policy.maxAttempts() : 1;
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Response response = null;
            IOException failure = null;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (!isRetryable(e)) {
                    throw e;
                }
                failure = e;
            }
            if (response != null && !policy.isRetryable(response.code())) {
                return response;
            }
            Duration wait = policy.backoff(attempt);
            if (response != null && policy.honorRetryAfter()) {
                Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
                if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
                    wait = retryAfter.get();
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            boolean giveUp = attempt >= maxAttempts || elapsed.plus(wait).compareTo(policy.maxElapsed()) > 0;
            if (giveUp) {
                if (response != null) {
                    return response;
                }
                throw new IOException("Gave up after " + attempt + " attempt(s) in " + elapsed.toMillis() + " ms: "
                        + failure.getMessage(), failure);
            }
            if (response != null) {
                response.close();
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("Interrupted while waiting to retry");
                interrupted.initCause(e);
                throw interrupted;
            }
        }
    }

    private boolean isRetryable(IOException e) {
        if (!policy.retryConnectionFailures() || e instanceof TokenRequestException) {
            return false;
        }
        // A socket timeout is a failure worth retrying; a cancelled call, an interrupted thread or the call
        // timeout (which covers all attempts) is final.
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
            return false;
        }
        return !"Canceled".equals(e.getMessage());
    }
}
