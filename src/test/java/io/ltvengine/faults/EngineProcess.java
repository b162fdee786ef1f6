package io.ltvengine.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar ltv.jar run ...} in a child process, as operators run it, with its stdout and
 * stderr appended to a log file. {@link #kill()} is SIGKILL: no shutdown hook, no clean close.
 */
public final class EngineProcess implements AutoCloseable {

  private final Process process;

  private EngineProcess(Process process) {
    this.process = process;
  }

  /** The jar Failsafe names in {@code app.jar}; {@code target/ltv.jar} when run from an IDE. */
  public static Path appJar() {
    Path jar = Path.of(System.getProperty("app.jar", "target/ltv.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run `mvn package` first");
    }
    return jar;
  }

  /**
   * Starts {@code ltv run} with {@code arguments}, {@code jvmOptions} (e.g. a log configuration)
   * and {@code environment} added to this process's own.
   */
  public static EngineProcess start(List<String> jvmOptions, List<String> arguments, Map<String, String> environment, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(appJar().toString());
    command.add("run");
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    try {
      return new EngineProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code ltv run} arguments for {@code settings}: its options where it has one, else --set. */
  public static List<String> arguments(Map<String, String> settings) {
    Map<String, String> options = Map.of(
        "bootstrap.servers", "--bootstrap-servers",
        "schema.registry.url", "--schema-registry-url",
        "application.id", "--application-id",
        "state.dir", "--state-dir",
        "processing.guarantee", "--processing-guarantee",
        "http.port", "--http-port");
    List<String> arguments = new ArrayList<>();
    settings.forEach((key, value) -> {
      if (options.containsKey(key)) {
        arguments.addAll(List.of(options.get(key), value));
      } else {
        arguments.addAll(List.of("--set", key + "=" + value));
      }
    });
    return arguments;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the engine without warning (SIGKILL) and waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** Stops the engine as Ctrl-C does (SIGTERM), letting it close cleanly. */
  @Override
  public void close() {
    process.destroy();
    waitForExit();
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
