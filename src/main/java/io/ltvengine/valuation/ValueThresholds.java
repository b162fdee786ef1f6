package io.ltvengine.valuation;

/** The lowest values, in minor units, of a task's top 1% and top 10% customers. */
public record ValueThresholds(double top1Minor, double top10Minor) implements ValueRanking {

  @Override
  public ValueTier tierOf(long valueMinor) {
    return valueMinor >= top1Minor ? ValueTier.TOP_1 : valueMinor >= top10Minor ? ValueTier.TOP_10 : ValueTier.REST;
  }
}
