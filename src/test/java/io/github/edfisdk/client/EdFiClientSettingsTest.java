package io.github.edfisdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.load.Loader;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.sandbox.SandboxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A built client is immutable, owns its Ed-Fi model, and building (its or the loader's) does no network I/O. */
class EdFiClientSettingsTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().build();

    @Test
    void laterBuilderChangesDoNotReachABuiltClient() {
        EdFiClient.Builder builder = EdFiClient.builder().baseUrl(sandbox.get().baseUrl())
                .credentials(sandbox.get().key(), sandbox.get().secret());
        try (EdFiClient client = builder.build()) {
            // Pointing the builder elsewhere, with other credentials, plain http allowed and another Data Standard ...
            builder.baseUrl("http://192.0.2.1:9").tokenUrl("http://192.0.2.1:9/oauth/token")
                    .credentials("other-key", "other-secret").allowInsecureHttp(true).dataStandard(DataStandard.DS4);
            // ... changes nothing for the client built before: same server, same token URL, same Data Standard.
            assertEquals(DataStandard.DS5, client.dataStandard());
            assertTrue(client.documents().count("gradeLevelDescriptors", Map.of()) > 0);
            assertTrue(client.toString().contains(sandbox.get().baseUrl()), client.toString());
        }
    }

    @Test
    void theModelIsTheClientsOwn() throws Exception {
        DataStandardModel own;
        try (var in = new java.io.InputStreamReader(io.github.edfisdk.model.SharedFiles.open("openapi/ds5.1/resources.json"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            own = DataStandardModel.fromSpecs(DataStandard.DS5, com.google.gson.JsonParser.parseReader(in).getAsJsonObject(),
                    null, java.util.List.of());
        }
        try (EdFiClient given = EdFiClient.builder().baseUrl(sandbox.get().baseUrl()).model(own).build();
             EdFiClient packaged = EdFiClient.builder().baseUrl(sandbox.get().baseUrl()).build()) {
            assertSame(own, given.model());
            assertSame(DataStandardModel.of(DataStandard.DS5), packaged.model());
        }
    }

    @Test
    void aModelReadFromTheServersMetadata() {
        try (EdFiClient client = EdFiClient.builder().baseUrl(sandbox.get().baseUrl())
                .credentials(sandbox.get().key(), sandbox.get().secret()).modelFromServer().build()) {
            DataStandardModel fromServer = client.model();
            assertNotSame(DataStandardModel.of(DataStandard.DS5), fromServer);
            assertEquals(DataStandardModel.of(DataStandard.DS5).resources().size(), fromServer.resources().size());
            assertTrue(fromServer.resource("studentCTEProgramAssociations").isPresent());
            assertTrue(client.documents().findByNaturalKey("gradeLevelDescriptors", com.google.gson.JsonParser.parseString(
                    "{\"codeValue\":\"Ninth grade\",\"namespace\":\"uri://ed-fi.org/GradeLevelDescriptor\"}")
                    .getAsJsonObject()).isPresent());
        }
    }

    @Test
    void buildingDoesNoNetworkIo() {
        // 192.0.2.0/24 is TEST-NET-1: nothing answers there. Building must not try.
        try (EdFiClient client = EdFiClient.builder().baseUrl("https://192.0.2.1:9").credentials("k", "s")
                .modelFromServer().retryPolicy(RetryPolicy.none()).connectTimeout(java.time.Duration.ofMillis(200)).build()) {
            Loader.Builder loader = Loader.builder().client(client);
            assertTrue(loader != null);
            assertThrows(EdFiConnectionException.class, client::model, "the first use is what reaches the server");
        }
    }
}
