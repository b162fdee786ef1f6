package io.ltvengine.tools.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the newcomer chose on the command line.
 *
 * @param duration how long to run; empty runs until stopped
 * @param customersPerMinute customers acquired per minute of demo; empty derives the acquisition
 *     rate from {@code ordersPerSecond}
 * @param ordersPerSecond the order rate the shop reaches after a minute of demo
 * @param api where the engine's query API listens, and the key it asks for
 * @param timeScale shop seconds per wall second
 */
public record DemoOptions(
    Optional<Duration> duration,
    OptionalDouble customersPerMinute,
    double ordersPerSecond,
    Api api,
    double timeScale,
    long seed) {

  /**
   * @param port the API's port; 0 for none
   * @param apiKey the key the API asks for; without one it listens on loopback only
   */
  public record Api(int port, Optional<String> apiKey) {

    public static final Api NONE = new Api(0, Optional.empty());
  }

  private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

  /** The shop, scaled so that its customers or orders arrive at the chosen wall-clock rate. */
  public ShopParameters shopParameters(Instant start) {
    ShopParameters defaults = ShopParameters.defaults(seed, start);
    double shopDaysPerMinute = timeScale * 60 / SECONDS_PER_DAY;
    if (customersPerMinute.isPresent()) {
      return defaults.withNewCustomersPerDay(customersPerMinute.getAsDouble() / shopDaysPerMinute);
    }
    double ordersPerShopDay = ordersPerSecond * SECONDS_PER_DAY / timeScale;
    return defaults.withOrderRate(ordersPerShopDay, shopDaysPerMinute);
  }
}
