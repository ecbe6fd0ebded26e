package dev.protoshift.compat.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code protoshift-compat}: the schema compatibility check CI runs on pull requests.
 *
 * <p>Exit codes: 0 compatible, 1 breaking changes (or a declared version bump too small), 2 a
 * usage or input error (unreadable file, bad git ref, .proto that does not compile).
 */
@Command(name = "protoshift-compat", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Finds breaking changes between two protobuf schemas (buf's breaking rules), the semantic "
        + "version bump the change needs, and checks the declared protocol_version against it.",
    subcommands = {CheckCommand.class, SuggestVersionCommand.class, RulesCommand.class},
    footer = {"", "Exit codes: 0 compatible, 1 breaking changes or a declared bump too small, 2 usage or input error."})
public final class Main implements Runnable {

  static final int COMPATIBLE = 0;
  static final int BREAKING = 1;
  static final int ERROR = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the CLI and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Path.of("").toAbsolutePath()));
  }

  /** Runs the CLI with the given streams and working directory; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Path workingDirectory) {
    CommandLine cli = new CommandLine(new Main(), new Factory(workingDirectory));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler((e, a) -> {
      CommandLine command = e.getCommandLine();
      command.getErr().println("error: " + e.getMessage());
      command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
      return ERROR;
    });
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      command.getErr().println("internal error (please report it): " + e);
      e.printStackTrace(command.getErr());
      return ERROR;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: check, suggest-version or rules");
  }

  /** Creates commands with the working directory they resolve relative inputs against. */
  private record Factory(Path workingDirectory) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      K instance = CommandLine.defaultFactory().create(type);
      if (instance instanceof SchemaOptions options) {
        options.workingDirectory = workingDirectory;
      }
      return instance;
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"protoshift-compat " + (version == null ? "(development build)" : version)
          + ", buf 1.75 breaking rules, protoc " + dev.protoshift.compat.internal.ProtoCompiler.PROTOC_VERSION};
    }
  }
}
