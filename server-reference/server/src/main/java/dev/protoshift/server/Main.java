package dev.protoshift.server;

import dev.protoshift.operations.admin.AdminToken;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/**
 * {@code java -jar protoshift-server.jar}: starts the reference server with embedded defaults
 * (no file needed), prints where it listens, and on SIGTERM (or Ctrl-C) drains gracefully and
 * exits 0. Exit codes: 0 stopped cleanly, 1 could not start (e.g. port in use), 2 bad
 * command line or settings. {@code protoshift-server readiness} asks a running server instead
 * ({@link ReadinessCommand}: 0 ready, 1 not yet, 2 could not ask).
 */
public final class Main {

  private static final System.Logger LOG = System.getLogger(Main.class.getName());

  private Main() {}

  /** Runs {@code readiness}: its help, or its question; returns the exit code. */
  static int subcommand(CommandLine.ParseResult sub, PrintWriter out, PrintWriter err) {
    CommandLine c = sub.commandSpec().commandLine();
    if (c.isUsageHelpRequested()) {
      c.usage(out);
      return 0;
    }
    if (c.isVersionHelpRequested()) {
      c.printVersionHelp(out);
      return 0;
    }
    return ((ReadinessCommand) sub.commandSpec().userObject()).run(System.getenv(), out, err);
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    ServerCommand command = new ServerCommand();
    CommandLine cli = new CommandLine(command);
    cli.setOut(out);
    cli.setErr(err);
    CommandLine.ParseResult parsed;
    try {
      parsed = cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      err.println("protoshift-server: " + e.getMessage());
      e.getCommandLine().usage(err);
      System.exit(2);
      return;
    }
    if (parsed.hasSubcommand()) {
      System.exit(subcommand(parsed.subcommand(), out, err));
      return;
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(out);
      return;
    }
    if (cli.isVersionHelpRequested()) {
      cli.printVersionHelp(out);
      return;
    }
    Map<String, String> env = System.getenv();
    ServerSettings settings;
    AdminToken token;
    try {
      settings = command.settings(env);
      token = command.adminToken(env);
    } catch (IllegalArgumentException | java.io.IOException e) {
      err.println("protoshift-server: " + e.getMessage());
      System.exit(2);
      return;
    }
    ReferenceServer server;
    try {
      server = ReferenceServer.start(settings, token);
    } catch (IllegalArgumentException e) {
      err.println("protoshift-server: " + e.getMessage()); // an invalid rollout config
      System.exit(2);
      return;
    } catch (Exception e) {
      err.println("protoshift-server: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (settings.diagnostics().injectProtoErrors() > 0) {
      LOG.log(Level.WARNING, "FAULT INJECTION IS ON: " + (settings.diagnostics().injectProtoErrors() * 100)
          + "% of inbound binary frames will be corrupted on purpose (INJECT_PROTO_ERRORS). Never in production.");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // SIGTERM or Ctrl-C: drain, stop, and exit 0 (the JVM would otherwise report 143).
      try {
        server.drain();
        server.close();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "error during shutdown", e);
      } finally {
        stopped.countDown();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(0);
      }
    }, "protoshift-shutdown"));
    // The hook is in place before the banner: whoever reads the banner (an operator, a supervisor,
    // a test) and sends SIGTERM at once gets the drain and exit 0, not the JVM's 143.
    ServerCommand.printBanner(out, server);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
