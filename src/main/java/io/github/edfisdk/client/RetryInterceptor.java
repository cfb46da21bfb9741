package io.github.edfisdk.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends a request again, as its {@link RetryPolicy} allows, when the answer is a retryable status or no answer
 * arrived. An application interceptor placed before authentication, so every attempt gets a valid token. When the
 * retries are used up, the last response is returned (the caller turns it into a typed exception) or the last
 * connection failure is thrown with the number of attempts, the earlier failures attached as suppressed exceptions.
 *
 * <p>Never sent again: a cancelled call ({@link Call#isCanceled()}), a request whose body can be written only once
 * ({@link RequestBody#isOneShot()}), and a request whose {@link RequestOptions} turn retries off. With an
 * {@link OverloadGate}, every attempt passes through it (overload pauses and AIMD concurrency). The success path does
 * no more than one attempt costs: the bookkeeping of retries starts at the first failure.
 */
public final class RetryInterceptor implements Interceptor {
    private final RetryPolicy policy;
    private final OverloadGate gate;

    /** @param policy the retry policy of every request through this interceptor (unless a request opts out) */
    public RetryInterceptor(RetryPolicy policy) {
        this(policy, null);
    }

    /** @param gate passes every attempt, or null */
    public RetryInterceptor(RetryPolicy policy, OverloadGate gate) {
        this.policy = policy;
        this.gate = gate;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long started = policy.clock().millis();
        List<IOException> earlierFailures = null;
        for (int attempt = 1; ; attempt++) {
            Response response = null;
            IOException failure = null;
            if (gate != null) {
                gate.enter();
            }
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException | Error e) {
                if (gate != null) {
                    gate.exit(0, null); // the place is given back whatever went wrong
                }
                throw e;
            }
            boolean retryableAnswer = response != null && policy.isRetryable(response.code());
            Duration retryAfter = retryableAnswer ? retryAfter(response) : null;
            if (gate != null) {
                gate.exit(response == null ? 0 : response.code(), retryAfter);
            }
            if (response != null && !retryableAnswer) {
                return response;
            }
            if (failure != null && !isRetryable(failure, chain.call())) {
                throw withEarlier(failure, earlierFailures);
            }
            Duration wait = policy.backoff(attempt);
            if (retryAfter != null && policy.honorRetryAfter() && retryAfter.compareTo(wait) > 0) {
                wait = retryAfter;
            }
            Duration elapsed = Duration.ofMillis(policy.clock().millis() - started);
            boolean giveUp = attempt >= maxAttempts(request) || chain.call().isCanceled() || isOneShot(request)
                    || elapsed.plus(wait).compareTo(policy.maxElapsed()) > 0;
            if (giveUp) {
                if (response != null) {
                    return response;
                }
                IOException gaveUp = new IOException("Gave up after " + attempt + " attempt(s) in "
                        + elapsed.toMillis() + " ms: " + failure.getMessage(), failure);
                throw withEarlier(gaveUp, earlierFailures);
            }
            if (response != null) {
                response.close();
            } else {
                if (earlierFailures == null) {
                    earlierFailures = new ArrayList<>(4);
                }
                earlierFailures.add(failure);
            }
            try {
                policy.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("Interrupted while waiting to retry");
                interrupted.initCause(e);
                throw withEarlier(interrupted, earlierFailures);
            }
            if (chain.call().isCanceled()) {
                throw withEarlier(new IOException("Canceled while waiting to retry"), earlierFailures);
            }
        }
    }

    private int maxAttempts(Request request) {
        RequestOptions options = request.tag(RequestOptions.class);
        return options != null && Boolean.FALSE.equals(options.retry()) ? 1 : policy.maxAttempts();
    }

    /** A body that can be written only once (a stream) cannot be sent again. */
    private static boolean isOneShot(Request request) {
        RequestBody body = request.body();
        return body != null && body.isOneShot();
    }

    private Duration retryAfter(Response response) {
        return RetryAfter.parse(response.header("Retry-After"), policy.clock()).orElse(null);
    }

    private boolean isRetryable(IOException e, Call call) {
        if (!policy.retryConnectionFailures() || e instanceof TokenRequestException || call.isCanceled()) {
            return false;
        }
        // A socket timeout is a failure worth retrying; an interrupted thread or the call timeout (which covers all
        // attempts) is final.
        return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
    }

    /** The final failure, the earlier attempts' failures attached (each attempt's reason stays visible). */
    private static IOException withEarlier(IOException last, List<IOException> earlier) {
        if (earlier != null) {
            for (IOException e : earlier) {
                if (e != last && e != last.getCause()) {
                    last.addSuppressed(e);
                }
            }
        }
        return last;
    }
}
