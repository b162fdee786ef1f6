package io.ltvengine.tools.cli;

import io.ltvengine.app.cli.Main;
import picocli.CommandLine;

/**
 * Entry point of {@code ltv.jar}: the engine's commands and the tools that use the engine, the demo
 * with its embedded broker, the simulated shop and the benchmark. The engine artifact has none of
 * these.
 */
public final class ToolsMain {

  private ToolsMain() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return Main.commandLine()
        .addSubcommand(new DemoCommand())
        .addSubcommand(new ShopCommand())
        .addSubcommand(new BenchCommand())
        .addSubcommand(new BacktestCommand());
  }
}
