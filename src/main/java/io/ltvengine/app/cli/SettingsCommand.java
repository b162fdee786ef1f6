package io.ltvengine.app.cli;

import io.ltvengine.config.SettingsTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ltv settings}: every engine setting as the Markdown table the README shows. */
@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description = "Prints every engine setting (key, type, default, valid values, meaning) as a Markdown table.")
public final class SettingsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(SettingsTable.markdown());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
