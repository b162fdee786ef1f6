package io.ltvengine.model;

import java.time.Duration;

/** Unit in which model times (tx, T, horizons) are expressed. The CDNOW literature uses weeks. */
public enum TimeUnit {
  DAYS(1),
  WEEKS(7);

  private static final double SECONDS_PER_DAY = 86_400;

  private final double days;

  TimeUnit(double days) {
    this.days = days;
  }

  /** Converts a whole number of days into this unit. */
  public double fromDays(long numberOfDays) {
    return numberOfDays / days;
  }

  /** Converts an exact duration into this unit. */
  public double of(Duration duration) {
    return duration.toMillis() / 1000.0 / SECONDS_PER_DAY / days;
  }
}
