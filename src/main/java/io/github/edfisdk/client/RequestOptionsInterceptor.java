package io.github.edfisdk.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the {@link RequestOptions} of an {@link EdFiClient#withOptions} view on each of its requests, as the request's
 * tag (read by {@link RetryInterceptor}) and as headers. Options a request already carries win, field by field.
 */
final class RequestOptionsInterceptor implements Interceptor {
    private final RequestOptions options;

    RequestOptionsInterceptor(RequestOptions options) {
        this.options = options;
    }

    RequestOptions options() {
        return options;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestOptions own = request.tag(RequestOptions.class);
        RequestOptions effective = own == null ? options : own.orElse(options);
        Request.Builder b = request.newBuilder().tag(RequestOptions.class, effective);
        if (request.header("correlation-id") == null) {
            effective.correlationId().ifPresent(c -> b.header("correlation-id", c));
        }
        if (request.header("If-Match") == null) {
            effective.ifMatch().ifPresent(e -> b.header("If-Match", RequestOptions.quoteEtag(e)));
        }
        return chain.proceed(b.build());
    }
}
