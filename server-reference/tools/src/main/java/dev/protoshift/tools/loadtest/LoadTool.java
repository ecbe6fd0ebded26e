package dev.protoshift.tools.loadtest;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The load-test tool of the reference server:
 * {@code java -cp protoshift-server.jar dev.protoshift.tools.loadtest.LoadTool run|compare ...}.
 * See docs/load-testing.md.
 */
@Command(name = "protoshift-loadtest", mixinStandardHelpOptions = true,
    description = "Load tests for the protoshift reference server: run a load test, compare results.",
    subcommands = {RunCommand.class, CompareCommand.class})
public final class LoadTool {

  private LoadTool() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the tool; returns its exit code (2 for bad arguments). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new LoadTool());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("protoshift-loadtest: " + e.getMessage());
      e.getCommandLine().usage(err);
      return CompareCommand.EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("protoshift-loadtest: " + e);
      return CompareCommand.EXIT_USAGE;
    });
    if (args.length == 0) {
      cli.usage(err);
      return CompareCommand.EXIT_USAGE;
    }
    return cli.execute(args);
  }
}
