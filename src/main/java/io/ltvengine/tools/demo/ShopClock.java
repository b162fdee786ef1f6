package io.ltvengine.tools.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * The demo shop's clock: shop time runs {@code timeScale} times faster than wall time, starting at
 * {@code shopStart} when the clock is created. At scale 86 400 one wall second is one shop day, so
 * a few minutes of demo show months of customer behaviour. The stream application can be given the
 * same clock, so its churn checks ("quiet for 60 days") run in the same compressed time as the
 * orders.
 */
public final class ShopClock extends Clock {

  private final Instant shopStart;
  private final double timeScale;
  private final LongSupplier wallNanos;
  private final long wallStartNanos;
  private final ZoneId zone;

  private ShopClock(
      Instant shopStart, double timeScale, LongSupplier wallNanos, long wallStartNanos,
      ZoneId zone) {
    if (!(timeScale > 0)) {
      throw new IllegalArgumentException("timeScale must be positive: " + timeScale);
    }
    this.shopStart = shopStart;
    this.timeScale = timeScale;
    this.wallNanos = wallNanos;
    this.wallStartNanos = wallStartNanos;
    this.zone = zone;
  }

  /** A clock that reads {@code shopStart} now and advances {@code timeScale} times real time. */
  public static ShopClock start(Instant shopStart, double timeScale) {
    return start(shopStart, timeScale, System::nanoTime);
  }

  /** As {@link #start(Instant, double)}, reading wall time from {@code wallNanos} (for tests). */
  static ShopClock start(Instant shopStart, double timeScale, LongSupplier wallNanos) {
    return new ShopClock(shopStart, timeScale, wallNanos, wallNanos.getAsLong(), ZoneOffset.UTC);
  }

  public double timeScale() {
    return timeScale;
  }

  @Override
  public Instant instant() {
    return shopStart.plus(toShopTime(Duration.ofNanos(wallNanos.getAsLong() - wallStartNanos)));
  }

  /** The shop-time span that passes during {@code wall} of real time. */
  public Duration toShopTime(Duration wall) {
    // Millisecond precision (like the events' timestamps) keeps the product far from overflow.
    return Duration.ofMillis(Math.round(wall.toNanos() / 1e6 * timeScale));
  }

  /** The real time until this clock reads {@code shopTime}; zero or negative once it has passed. */
  public Duration wallTimeUntil(Instant shopTime) {
    Duration shopAhead = Duration.between(instant(), shopTime);
    return Duration.ofNanos(Math.round(shopAhead.toNanos() / timeScale));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new ShopClock(shopStart, timeScale, wallNanos, wallStartNanos, newZone);
  }
}
