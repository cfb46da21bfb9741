package io.github.edfisdk.load;

import io.github.edfisdk.cli.EdFiCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code ./edfi} in the test JVM and captures its exit code and output. */
record CliRunner(int exitCode, String out, String err) {
    static CliRunner run(String... args) {
        CommandLine cl = EdFiCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }
}
