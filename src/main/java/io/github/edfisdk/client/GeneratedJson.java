package io.github.edfisdk.client;

import com.google.gson.Gson;

/** Finds the Gson of a generated model's invoker package (the models only round-trip through their own JSON). */
final class GeneratedJson {
    private GeneratedJson() {
    }

    static Gson gsonFor(Class<?> modelClass) {
        String name = modelClass.getName();
        if (name.startsWith("io.github.edfisdk.ds5.resources.")) {
            return io.github.edfisdk.ds5.resources.invoker.JSON.getGson();
        }
        if (name.startsWith("io.github.edfisdk.ds5.descriptors.")) {
            return io.github.edfisdk.ds5.descriptors.invoker.JSON.getGson();
        }
        if (name.startsWith("io.github.edfisdk.ds4.resources.")) {
            return io.github.edfisdk.ds4.resources.invoker.JSON.getGson();
        }
        if (name.startsWith("io.github.edfisdk.ds4.descriptors.")) {
            return io.github.edfisdk.ds4.descriptors.invoker.JSON.getGson();
        }
        throw new IllegalArgumentException(name + " is not a generated Ed-Fi model (io.github.edfisdk.ds4|ds5.*.model)");
    }
}
