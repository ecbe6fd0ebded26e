package dev.protoshift.compat.cli;

import dev.protoshift.compat.Compat;
import dev.protoshift.compat.RuleInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code rules}: every rule with its categories, whether it runs by default, and its purpose. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Lists every rule: id, categories, whether the default selection (FILE) runs it, and its purpose.")
final class RulesCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    String format = "%-47s %-36s %-8s %s%n";
    out.printf(format, "ID", "CATEGORIES", "DEFAULT", "PURPOSE");
    for (RuleInfo rule : Compat.rules()) {
      out.printf(format, rule.id(), rule.categoriesText(), rule.isDefault() ? "*" : "", rule.purpose());
    }
    out.flush();
    return Main.COMPATIBLE;
  }
}
