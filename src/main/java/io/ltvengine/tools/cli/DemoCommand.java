package io.ltvengine.tools.cli;

import io.ltvengine.tools.demo.Demo;
import io.ltvengine.tools.demo.DemoConsole;
import io.ltvengine.tools.demo.DemoOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ltv demo}: the engine at work on a simulated shop, with nothing installed. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts an embedded Kafka broker, an in-memory schema registry, the LTV engine and a simulated",
      "shop in this process, and shows orders turning into LTV updates and churn alerts live.",
      "At the end it compares the alerts with the simulator's truth of who really stopped buying."
    })
public final class DemoCommand implements Callable<Integer> {

  /** A shop day per wall second: two months pass in the first minute, enough for churn alerts. */
  static final String DEFAULT_TIME_SCALE = "86400";
  /** How long Ctrl-C waits for the demo to drain and report before the JVM exits regardless. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);

  @Spec CommandSpec spec;

  @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long to run, e.g. 60s, 5m, 1h (default: until Ctrl-C).")
  Duration duration;

  @Option(names = "--customers", paramLabel = "N",
      description = "New customers per minute of demo; overrides --orders-per-second.")
  Double customersPerMinute;

  @Option(names = "--orders-per-second", paramLabel = "N", defaultValue = "50",
      description = "Orders per wall second the shop reaches after a minute (default: ${DEFAULT-VALUE}).")
  double ordersPerSecond;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port of the engine's query API (http.port; default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--api-key", paramLabel = "KEY",
      description = "API key the query API asks for (Authorization: Bearer KEY); without one it listens on loopback only.")
  String apiKey;

  @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = DEFAULT_TIME_SCALE,
      description = "Shop seconds per wall second (default: ${DEFAULT-VALUE}).")
  double timeScale;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the simulated shop (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    DemoConsole console = new DemoConsole(out);
    Demo demo = new Demo(options(), console);
    CountDownLatch finished = new CountDownLatch(1);
    Thread stopOnExit = new Thread(() -> stopAndAwait(demo, finished), "ltv-demo-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      console.summary(demo.run());
      return 0;
    } finally {
      finished.countDown();
      removeHook(stopOnExit);
    }
  }

  private DemoOptions options() {
    return new DemoOptions(
        Optional.ofNullable(duration),
        customersPerMinute == null ? OptionalDouble.empty() : OptionalDouble.of(customersPerMinute),
        ordersPerSecond,
        new DemoOptions.Api(httpPort, Optional.ofNullable(apiKey)),
        timeScale,
        seed);
  }

  /** On Ctrl-C: let the demo drain, report and close the broker before the JVM goes. */
  private static void stopAndAwait(Demo demo, CountDownLatch finished) {
    demo.stop();
    try {
      finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException jvmExiting) {
      // Ctrl-C: the hook is running and waits for us; nothing to undo.
    }
  }

  /** Reads {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h}, or ISO-8601 such as {@code PT90S}. */
  static final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
      Matcher matcher = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
      if (!matcher.matches()) {
        return Duration.parse(value);
      }
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
  }
}
