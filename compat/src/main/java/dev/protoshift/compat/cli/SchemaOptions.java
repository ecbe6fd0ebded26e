package dev.protoshift.compat.cli;

import dev.protoshift.compat.Compat;
import dev.protoshift.compat.CompatConfig;
import dev.protoshift.compat.CompatReport;
import dev.protoshift.compat.ConfigFile;
import dev.protoshift.compat.internal.Differ;
import dev.protoshift.compat.internal.Linker;
import dev.protoshift.compat.internal.ProtoCompiler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs and selection shared by {@code check} and {@code suggest-version}. */
class SchemaOptions {

  Path workingDirectory = Path.of("").toAbsolutePath();

  @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "CURRENT",
      description = "The current schema (default: ${DEFAULT-VALUE}): a directory of .proto files, a descriptor set "
          + "(.binpb, .pb, .desc), a jar (JAR or JAR!ENTRY), git:REF[:SUBDIR] or maven:GROUP:ARTIFACT:VERSION.")
  String current;

  @Option(names = "--against", required = true, paramLabel = "PREVIOUS",
      description = "The previous schema, in any form CURRENT takes.")
  String against;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A YAML file with a buf-style breaking section (use, except, ignore, ignore_only, "
          + "ignore_unstable_packages) and a semver section; a buf.yaml works as it is.")
  Path config;

  @Option(names = "--use", split = ",", paramLabel = "RULE|CATEGORY",
      description = "Rules or categories to run, comma-separated (replaces the config's use; default FILE).")
  List<String> use = new ArrayList<>();

  @Option(names = "--except", split = ",", paramLabel = "RULE|CATEGORY",
      description = "Rules or categories to leave out, comma-separated (replaces the config's except).")
  List<String> except = new ArrayList<>();

  @Option(names = {"-I", "--include"}, paramLabel = "DIR",
      description = "Another directory to resolve .proto imports in (repeatable).")
  List<Path> includes = new ArrayList<>();

  @Option(names = "--zero-major-anything-goes",
      description = "While the previous version is 0.x, accept any declared bump (semver: anything may change).")
  boolean zeroMajorAnythingGoes;

  /** The outcome of comparing the inputs, with the path prefixes of both. */
  record Compared(CompatReport report, Inputs.Loaded previous, Inputs.Loaded current) {}

  Compared compare() throws InputException {
    CompatConfig cfg = CompatConfig.defaults();
    if (config != null) {
      try {
        cfg = ConfigFile.load(workingDirectory.resolve(config));
      } catch (IOException e) {
        throw new InputException(config + ": cannot read: " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new InputException(e.getMessage(), e);
      }
    }
    try {
      if (!use.isEmpty()) {
        cfg = cfg.withUse(use);
      }
      if (!except.isEmpty()) {
        cfg = cfg.withExcept(except);
      }
      if (zeroMajorAnythingGoes) {
        cfg = cfg.withZeroMajorAnythingGoes(true);
      }
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
    for (Path include : includes) {
      if (!java.nio.file.Files.isDirectory(workingDirectory.resolve(include))) {
        throw new InputException("-I " + include + ": is not a directory");
      }
    }
    Inputs inputs = new Inputs(ProtoCompiler.withDefaultCache(),
        includes.stream().map(workingDirectory::resolve).toList(), workingDirectory);
    // Both sides are fetched at once (two protoc runs, or two reads, on two cores); the previous
    // side's error is reported first so the message does not depend on timing.
    java.util.concurrent.CompletableFuture<Object> later = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return inputs.fetch(current);
      } catch (InputException e) {
        return e;
      }
    });
    Inputs.Raw previousRaw;
    try {
      previousRaw = inputs.fetch(against);
    } catch (InputException e) {
      later.join();
      throw e;
    }
    Object result = later.join();
    if (result instanceof InputException e) {
      throw e;
    }
    // Then parsed one after the other: the current side shares what did not change. Linking (which
    // only refuses sets) runs beside the check, on a thread of its own; its error wins.
    boolean fast = Differ.fastPathByDefault();
    Inputs.Loaded previous = Inputs.read(previousRaw, null);
    Inputs.Loaded now = Inputs.read((Inputs.Raw) result, fast ? previous : null);
    ExecutorService linker = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "protoshift-link");
      thread.setDaemon(true);
      return thread;
    });
    CompletableFuture<InputException> linking = CompletableFuture.supplyAsync(() -> {
      try {
        Linker.Linked links = Inputs.link(previous, null);
        Inputs.link(now, fast ? links : null);
        return null;
      } catch (InputException e) {
        return e;
      }
    }, linker);
    linker.shutdown();
    CompatReport report = null;
    RuntimeException failed = null;
    try {
      report = Compat.check(previous.set(), now.set(), cfg);
    } catch (RuntimeException e) {
      failed = e; // a set that does not link can break the check: report why it does not link
    }
    InputException unlinked = linking.join();
    if (unlinked != null) {
      throw unlinked;
    }
    if (failed instanceof IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
    if (failed != null) {
      throw failed;
    }
    return new Compared(report, previous, now);
  }
}
