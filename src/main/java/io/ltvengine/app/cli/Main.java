package io.ltvengine.app.cli;

import io.ltvengine.config.SettingsTable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the engine artifact, {@code ltv-engine.jar}: only wires the subcommands. */
@Command(
    name = "ltv",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Real-time customer lifetime value and churn-risk engine on Kafka Streams.",
    subcommands = {
      RunCommand.class,
      FitCommand.class,
      ScoreCommand.class,
      SettingsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The engine's commands; the tools' entry point adds its own to these. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.getSubcommands().get("run").getCommandSpec().usageMessage().footer(settingsHelp());
    commandLine.setExecutionExceptionHandler(Main::userError);
    return commandLine;
  }

  /** A user's mistake (input or a setting) is one line and exit code 2; anything else is a bug, with its stack trace. */
  private static int userError(Exception exception, CommandLine commandLine, CommandLine.ParseResult parsed)
      throws Exception {
    String prefix;
    if (exception instanceof UserInputException) {
      prefix = "";
    } else if (exception instanceof ConfigException) {
      prefix = "Invalid configuration: ";
    } else {
      throw exception;
    }
    commandLine.getErr().println("ltv " + commandLine.getCommandName() + ": " + prefix + exception.getMessage());
    commandLine.getErr().flush();
    return 2;
  }

  /** Every engine setting with its default, so that {@code run --help} is the whole reference. */
  private static String settingsHelp() {
    String table = "%nEngine settings (key = default: meaning):%n" + SettingsTable.plain().replace("%", "%%");
    return table.replace("%%n", "%n");
  }
}
