package io.ltvengine.valuation;

/**
 * The population's mean gap between purchases, from the gaps a task has seen: until enough are
 * seen, a configured default stands in.
 */
public record PopulationDefaults(double defaultGapDays, long minGaps) {

  private static final double MILLIS_PER_DAY = 86_400_000d;

  public double meanGapDays(long gapCount, long gapMillis) {
    return gapCount < minGaps || gapCount == 0 ? defaultGapDays : gapMillis / MILLIS_PER_DAY / gapCount;
  }
}
