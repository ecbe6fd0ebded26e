package dev.protoshift.compat.cli;

import dev.protoshift.compat.CompatReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code suggest-version [CURRENT] --against PREVIOUS}: the version CURRENT should declare. */
@Command(name = "suggest-version", mixinStandardHelpOptions = true,
    description = {"Prints the protocol_version CURRENT should declare: PREVIOUS's declared version with the bump "
        + "the change needs (MAJOR for breaking changes, MINOR for additions, PATCH for other edits, none when "
        + "nothing changed).",
        "Exit codes: 0 printed, 2 usage or input error (including a PREVIOUS that declares no version)."})
final class SuggestVersionCommand extends SchemaOptions implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    CompatReport report;
    try {
      report = compare().report();
    } catch (InputException e) {
      err.println("error: " + e.getMessage());
      return Main.ERROR;
    }
    if (report.suggestedVersion().isEmpty()) {
      err.println("error: " + against + " declares no protocol_version (option (protoshift.protocol_version)), "
          + "so there is nothing to bump; the change needs a " + report.requiredBump() + " bump");
      return Main.ERROR;
    }
    out.println(report.suggestedVersion().get());
    out.flush();
    err.println("protoshift-compat: the change needs a " + report.requiredBump() + " bump from "
        + report.previousVersion().get() + "; current declares "
        + report.currentVersion().map(Object::toString).orElse("none"));
    return Main.COMPATIBLE;
  }
}
