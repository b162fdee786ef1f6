package io.ltvengine.app.cli;

import io.ltvengine.streams.LtvSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ltv.jar}: only wires the subcommands. */
@Command(
    name = "ltv",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Real-time customer lifetime value and churn-risk engine on Kafka Streams.",
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      ShopCommand.class,
      FitCommand.class,
      ScoreCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.getSubcommands().get("run").getCommandSpec().usageMessage().footer(settingsTable());
    return commandLine;
  }

  /** Every engine setting with its default, so that {@code run --help} is the whole reference. */
  private static String settingsTable() {
    StringBuilder table = new StringBuilder("%nEngine settings (key = default: meaning):%n");
    for (LtvSettings.Setting setting : LtvSettings.Setting.values()) {
      table.append(String.format("  %s = %s%n      %s%n", setting.key(), setting.defaultValue(), setting.doc()));
    }
    return table.toString().replace("%", "%%").replace("%%n", "%n");
  }
}
