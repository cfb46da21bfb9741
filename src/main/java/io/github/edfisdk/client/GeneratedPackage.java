package io.github.edfisdk.client;

import com.google.gson.Gson;
import io.github.edfisdk.model.DataStandard;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * One generated client package (a spec's {@code invoker}, {@code api} and {@code model} packages) as the runtime
 * sees it. Each is implemented by a generated {@code GeneratedBinding} ({@code generator-templates/GeneratedBinding.mustache}),
 * so code that works with "whichever package a model belongs to" needs no {@code instanceof} chain.
 */
public interface GeneratedPackage {
    /** The Data Standard 5.1 resources client. */
    GeneratedPackage DS5_RESOURCES = io.github.edfisdk.ds5.resources.invoker.GeneratedBinding.INSTANCE;
    /** The Data Standard 5.1 descriptors client. */
    GeneratedPackage DS5_DESCRIPTORS = io.github.edfisdk.ds5.descriptors.invoker.GeneratedBinding.INSTANCE;
    /** The Data Standard 4.0 resources client. */
    GeneratedPackage DS4_RESOURCES = io.github.edfisdk.ds4.resources.invoker.GeneratedBinding.INSTANCE;
    /** The Data Standard 4.0 descriptors client. */
    GeneratedPackage DS4_DESCRIPTORS = io.github.edfisdk.ds4.descriptors.invoker.GeneratedBinding.INSTANCE;

    /** @return the package of the generated models, e.g. {@code io.github.edfisdk.ds5.resources.model} */
    String modelPackage();

    /** @return the Gson the package's models round-trip through (dates, strict int32, unknown fields kept) */
    Gson gson();

    /**
     * @param httpClient the OkHttpClient every API of the package uses
     * @param basePath   the data API URL without a trailing slash
     * @return the package's {@code Apis} accessor class
     */
    Object apis(OkHttpClient httpClient, String basePath);

    /** @return the four generated packages */
    static List<GeneratedPackage> all() {
        return List.of(DS5_RESOURCES, DS5_DESCRIPTORS, DS4_RESOURCES, DS4_DESCRIPTORS);
    }

    /** @return the resources package of a Data Standard */
    static GeneratedPackage resources(DataStandard ds) {
        return ds == DataStandard.DS4 ? DS4_RESOURCES : DS5_RESOURCES;
    }

    /**
     * @param modelClass a generated model class
     * @return the package it was generated in
     * @throws IllegalArgumentException it is not a generated Ed-Fi model
     */
    static GeneratedPackage of(Class<?> modelClass) {
        String pkg = modelClass.getPackageName();
        for (GeneratedPackage p : all()) {
            if (p.modelPackage().equals(pkg)) {
                return p;
            }
        }
        throw new IllegalArgumentException(modelClass.getName()
                + " is not a generated Ed-Fi model (io.github.edfisdk.ds4|ds5.*.model)");
    }
}
