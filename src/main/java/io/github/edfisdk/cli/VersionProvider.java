package io.github.edfisdk.cli;

import picocli.CommandLine;

/** Version from the jar manifest (set by the build), "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = EdFiCli.class.getPackage().getImplementationVersion();
        return new String[] {
                "edfi-sdk " + (v == null ? "development" : v),
                "Data Standards: 4.0 (ODS/API 6.1), 5.1 (ODS/API 7.x)",
                "Java " + System.getProperty("java.version"),
        };
    }
}
