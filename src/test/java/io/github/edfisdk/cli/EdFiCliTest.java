package io.github.edfisdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line built for a start: only the sub-command named, or all of them. */
class EdFiCliTest {
    private static final List<String> ALL = List.of("help", "certify", "sandbox", "load", "validate", "export", "delete",
            "sync", "pims");

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(List.of("help", "load"),
                List.copyOf(EdFiCli.commandLineFor(new String[] {"load", "--help"}).getSubcommands().keySet()));
        assertEquals(List.of("help", "certify"),
                List.copyOf(EdFiCli.commandLineFor(new String[] {"certify"}).getSubcommands().keySet()));
    }

    @Test
    void helpOptionsAndTyposGetEverySubcommand() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help", "load"},
                new String[] {"lod"}, new String[] {"-V"})) {
            assertEquals(ALL, List.copyOf(EdFiCli.commandLineFor(args).getSubcommands().keySet()), String.join(" ", args));
        }
        assertEquals(ALL, List.copyOf(EdFiCli.commandLine().getSubcommands().keySet()));
    }
}
