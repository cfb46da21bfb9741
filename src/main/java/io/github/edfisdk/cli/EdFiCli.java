package io.github.edfisdk.cli;

public final class EdFiCli {
    public static void main(String[] args) {
        System.out.println("edfi");
    }
}
