package io.github.edfisdk.load;

import com.google.gson.JsonParser;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.model.Dependency;
import io.github.edfisdk.model.DataStandardModel;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/** The load order: the server's {@code /metadata/data/v3/dependencies}, or the Data Standard's copy offline. */
public final class Dependencies {
    private Dependencies() {
    }

    /**
     * The server's dependency order; the shared copy of the Data Standard when the server does not publish one.
     *
     * @param notes receives a line when the fallback is used
     */
    public static List<Dependency> of(EdFiClient client, DataStandardModel model, java.util.function.Consumer<String> notes) {
        try {
            String data = client.root().dataUrl();
            HttpUrl dataUrl = HttpUrl.get(data);
            String path = dataUrl.encodedPath();
            int at = path.indexOf("/data/");
            String metadata = (at >= 0 ? path.substring(0, at) : "") + "/metadata/data/v3/dependencies";
            HttpUrl url = dataUrl.newBuilder().encodedPath(metadata).build();
            Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
            try (Response response = client.httpClient().newCall(request).execute()) {
                if (response.isSuccessful() && response.body() != null) {
                    List<Dependency> deps = DataStandardModel.parseDependencies(JsonParser.parseString(response.body().string()));
                    if (!deps.isEmpty()) {
                        return deps;
                    }
                }
                notes.accept("The server has no dependency list (" + response.code() + " from " + url
                        + "); using Data Standard " + model.dataStandard().version() + "'s");
            }
        } catch (Exception e) {
            notes.accept("Cannot read the server's dependency list (" + e.getMessage() + "); using Data Standard "
                    + model.dataStandard().version() + "'s");
        }
        return model.dependencies();
    }
}
