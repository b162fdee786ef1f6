package io.ltvengine.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ltv.jar}: only wires the subcommands. */
@Command(
    name = "ltv",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Real-time customer lifetime value and churn-risk engine on Kafka Streams.",
    subcommands = {CommandLine.HelpCommand.class, FitCommand.class, ScoreCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main());
  }
}
