package io.ltvengine.streams;

/** Names of the state stores; they name changelog topics too, so changing one loses state. */
public final class StoreNames {

  /** Running value and purchase history per customer. */
  public static final String CUSTOMER_STATE = "customer-state";

  /** Customers by the time their silence should be checked, so a check scans only what is due. */
  public static final String CHURN_INDEX = "churn-index";

  /**
   * Gaps between purchases across this task's customers: the rhythm of one-time buyers. Two
   * numbers per task, so it lives in memory and is restored from its changelog.
   */
  public static final String POPULATION_RHYTHM = "population-rhythm";

  /** Cohort table cells (cohort|months since acquisition), summed from the cohort deltas. */
  public static final String COHORT_AGGREGATES = "cohort-aggregates";

  /** Cohort changes of one task, summed per cell until the next flush. */
  public static final String COHORT_PENDING = "cohort-pending";

  /** Customers by the audiences they are in (segment|risk tier|customer), so an audience page reads a page. */
  public static final String AUDIENCE_INDEX = "audience-index";

  /** Customers, net revenue and value per segment, risk tier and value tier of one task, moved as customers move. */
  public static final String SEGMENT_COUNTS = "segment-counts";

  /** The quantile sketches of one task's customers its last ranking walk built. */
  public static final String SEGMENT_SKETCHES = "segment-sketches";

  /** Every task's share of each segment cell (cell#partition), summed into ltv-segments. */
  public static final String SEGMENT_TOTALS = "segment-totals";

  /** The latest published model parameters, a global store fed by the model topic. */
  public static final String MODEL = "ltv-model-store";

  private StoreNames() {}
}
