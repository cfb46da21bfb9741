/**
 * The hand-written runtime of the Ed-Fi SDK: {@link io.github.edfisdk.client.EdFiClient} (discovery, typed generated
 * APIs through {@code ds5()}/{@code ds4()}, JSON documents through {@code documents()}), OAuth2 client credentials
 * ({@link io.github.edfisdk.client.OAuthTokenProvider}, {@link io.github.edfisdk.client.OAuthInterceptor}),
 * retries ({@link io.github.edfisdk.client.RetryPolicy}, {@link io.github.edfisdk.client.RetryInterceptor}),
 * typed errors ({@link io.github.edfisdk.client.EdFiApiException} and subclasses,
 * {@link io.github.edfisdk.client.ProblemDetails}), paging ({@link io.github.edfisdk.client.Paginator}) and helpers
 * for descriptors and server fields.
 */
package io.github.edfisdk.client;
