package io.github.edfisdk.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.Dependency;
import io.github.edfisdk.model.SharedFiles;
import io.github.edfisdk.model.DataStandardModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The unauthenticated documents: root discovery, {@code /metadata} and its specs, dependencies, health. */
final class MetadataEndpoints {
    private final DataStandardModel model;
    private final String baseUrl;
    private final String rootJson;
    private final String metadataJson;
    private final String dependenciesJson;
    private volatile String resourcesSpec;
    private volatile String descriptorsSpec;

    MetadataEndpoints(DataStandardModel model, String baseUrl) {
        this.model = model;
        this.baseUrl = baseUrl;
        this.rootJson = root().toString();
        this.metadataJson = metadata().toString();
        this.dependenciesJson = dependencies().toString();
    }

    /** Answers a metadata path, or null when the path is not one of them. */
    SandboxResponse handle(SandboxRequest req) {
        String p = req.path();
        if (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        switch (p) {
            case "/":
                return SandboxResponse.json(200, rootJson);
            case "/health":
                return SandboxResponse.text(200, "Healthy");
            case "/metadata":
                return SandboxResponse.json(200, metadataJson);
            case "/metadata/data/v3/dependencies":
                return SandboxResponse.json(200, dependenciesJson);
            case "/metadata/data/v3/resources/swagger.json":
                if (resourcesSpec == null) {
                    resourcesSpec = spec("resources.json");
                }
                return SandboxResponse.json(200, resourcesSpec);
            case "/metadata/data/v3/descriptors/swagger.json":
                if (descriptorsSpec == null) {
                    descriptorsSpec = spec("descriptors.json");
                }
                return SandboxResponse.json(200, descriptorsSpec);
            default:
                return null;
        }
    }

    private JsonObject root() {
        DataStandard ds = model.dataStandard();
        JsonObject o = new JsonObject();
        o.addProperty("version", ds.odsApiVersion());
        // The real API's name: clients that look at it should see what they would see on an ODS.
        o.addProperty("applicationName", "Ed-Fi ODS / API");
        o.addProperty("informationalVersion", ds.odsApiVersion());
        o.addProperty("suite", "3");
        o.addProperty("build", ds.odsApiVersion() + ".0");
        JsonArray models = new JsonArray();
        JsonObject dm = new JsonObject();
        dm.addProperty("name", "Ed-Fi");
        dm.addProperty("version", ds.fullVersion());
        dm.addProperty("informationalVersion", "The Ed-Fi Data Standard v" + ds.fullVersion());
        models.add(dm);
        o.add("dataModels", models);
        JsonObject urls = new JsonObject();
        urls.addProperty("dependencies", baseUrl + "/metadata/data/v3/dependencies");
        urls.addProperty("openApiMetadata", baseUrl + "/metadata/");
        urls.addProperty("oauth", baseUrl + "/oauth/token");
        urls.addProperty("dataManagementApi", baseUrl + "/data/v3/");
        urls.addProperty("xsdMetadata", baseUrl + "/metadata/xsd");
        urls.addProperty("changeQueries", baseUrl + "/changeQueries/v1/");
        urls.addProperty("composites", baseUrl + "/composites/v1/");
        o.add("urls", urls);
        return o;
    }

    private JsonArray metadata() {
        JsonArray a = new JsonArray();
        for (String[] m : new String[][] {{"Resources", "resources"}, {"Descriptors", "descriptors"}}) {
            JsonObject o = new JsonObject();
            o.addProperty("name", m[0]);
            o.addProperty("endpointUri", baseUrl + "/metadata/data/v3/" + m[1] + "/swagger.json");
            o.addProperty("prefix", "");
            a.add(o);
        }
        return a;
    }

    private JsonArray dependencies() {
        List<Dependency> deps = new ArrayList<>(model.dependencies());
        deps.sort(Comparator.comparingInt(Dependency::order).thenComparing(Dependency::path));
        JsonArray a = new JsonArray();
        for (Dependency d : deps) {
            JsonObject o = new JsonObject();
            o.addProperty("resource", d.path());
            o.addProperty("order", d.order());
            JsonArray ops = new JsonArray();
            d.operations().forEach(ops::add);
            o.add("operations", ops);
            a.add(o);
        }
        return a;
    }

    /** The spec the sandbox is driven by, pointed at this sandbox (the DS 5.1 spec's servers say HOST_URL). */
    private String spec(String file) {
        String path = "openapi/" + model.dataStandard().specFolder() + "/" + file;
        try (InputStream in = SharedFiles.open(path)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("HOST_URL", baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
