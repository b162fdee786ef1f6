package io.ltvengine.valuation;

/**
 * What judging a customer needs beyond their own state: the rhythm of their task's population,
 * the published model, and where value ranks in the task. Processors and queries each bring
 * their own view of them.
 */
public record Judging(Population population, ModelSource models, ValueRanking ranking) {

  /** For judging that moves nobody between audiences, as a query's. */
  public Judging(Population population, ModelSource models) {
    this(population, models, ValueRanking.UNRANKED);
  }
}
