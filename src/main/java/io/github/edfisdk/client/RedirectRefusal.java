package io.github.edfisdk.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Turns a redirect answer (3xx other than 304) into an {@link EdFiException} instead of following it. OkHttp would
 * follow it to any host: the root document of that host would then name the token endpoint (which gets the key and
 * secret) and a redirected data GET would be taken as the real answer. The SDK's clients do not follow redirects;
 * the message names where the server pointed, so a user who trusts it can use that URL.
 */
final class RedirectRefusal implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        int code = response.code();
        if (code < 300 || code >= 400 || code == 304) {
            return response;
        }
        String location = response.header("Location");
        response.close();
        throw new EdFiException(chain.request().method() + " " + chain.request().url() + " answered " + code
                + " (a redirect" + (location == null ? "" : " to " + location) + "); the SDK does not follow redirects,"
                + " as the credentials and tokens would go along. If that address is the Ed-Fi API you mean, use it as"
                + " the base URL (or name the token URL with tokenUrl(...) / --token-url).", null);
    }
}
