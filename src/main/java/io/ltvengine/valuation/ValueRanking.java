package io.ltvengine.valuation;

/**
 * The value thresholds of a task's top 1% and top 10% customers, as its last walk over them
 * found: a port the streams layer implements from its quantile sketches.
 */
public interface ValueRanking {

  /** Before any walk has ranked anyone, every customer is in the rest. */
  ValueRanking UNRANKED = valueMinor -> ValueTier.REST;

  ValueTier tierOf(long valueMinor);
}
