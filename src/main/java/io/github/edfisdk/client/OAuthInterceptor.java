package io.github.edfisdk.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <token>} to data calls. A call answered 401 (expired or revoked token) is sent
 * once more with a new token; a second 401 is returned as is. 403 is an authorization failure and is never answered
 * with a new token.
 */
public final class OAuthInterceptor implements Interceptor {
    private final OAuthTokenProvider tokens;
    /** The header of the current token, built once per token rather than once per request. */
    private volatile Bearer bearer = new Bearer("", "");

    private record Bearer(String token, String header) {
    }

    /** @param tokens the shared token cache */
    public OAuthInterceptor(OAuthTokenProvider tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String token = tokens.token();
        Response response = chain.proceed(withToken(request, token));
        if (response.code() != 401) {
            return response;
        }
        response.close();
        return chain.proceed(withToken(request, tokens.refreshAfterRejection(token)));
    }

    private Request withToken(Request request, String token) {
        Bearer b = bearer;
        if (!b.token.equals(token)) {
            b = new Bearer(token, "Bearer " + token);
            bearer = b;
        }
        return request.newBuilder().header("Authorization", b.header).build();
    }
}
