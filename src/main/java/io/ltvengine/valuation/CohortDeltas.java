package io.ltvengine.valuation;

import io.ltvengine.avro.CohortDimension;
import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.state.CohortDelta;
import io.ltvengine.avro.state.CustomerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one order changes in the cohort tables: the customer's acquisition (cohort size), their
 * first purchase of a calendar month (retention) and their net revenue (the LTV curve), in both
 * the acquisition-month and the first-category cohort.
 *
 * <p>A late, older purchase can move a customer to an earlier cohort: they leave the old cohort's
 * size and join the new one, but the activity and revenue already counted stay where they were.
 */
public final class CohortDeltas {

  static final String UNKNOWN_CATEGORY = "unknown";

  private CohortDeltas() {}

  /** The customer's cohort position before an order is applied; the state is updated in place. */
  public record Before(
      boolean purchased,
      String acquisitionMonth,
      String firstCategory,
      long netRevenueMinor,
      boolean activeInOrderMonth) {

    public static Before of(CustomerState state, OrderFacts order) {
      int orderMonth = CustomerLedger.yearMonth(order.eventTime());
      boolean active =
          state.getRecentPurchases().stream().anyMatch(t -> CustomerLedger.yearMonth(t) == orderMonth);
      return new Before(
          CustomerLedger.hasPurchased(state),
          CustomerLedger.formatYearMonth(state.getAcquisitionMonth()),
          category(state),
          CustomerLedger.netRevenueMinor(state),
          active);
    }

    String cohort(CohortDimension dimension) {
      return dimension == CohortDimension.ACQUISITION_MONTH ? acquisitionMonth : firstCategory;
    }
  }

  /** The deltas of the cells the order touches, in both dimensions; none when nothing changed. */
  public static List<CohortDelta> between(Before before, CustomerState after, OrderFacts order) {
    if (!CustomerLedger.hasPurchased(after)) {
      return List.of();
    }
    Before now = Before.of(after, order);
    int months = Math.max(0, monthsBetween(after.getAcquisitionMonth(), CustomerLedger.yearMonth(order.eventTime())));
    int active = order.type() == OrderType.PURCHASE && !before.activeInOrderMonth() ? 1 : 0;
    long revenue = now.netRevenueMinor() - before.netRevenueMinor();
    List<CohortDelta> deltas = new ArrayList<>();
    for (CohortDimension dimension : List.of(CohortDimension.ACQUISITION_MONTH, CohortDimension.FIRST_CATEGORY)) {
      String oldCohort = before.cohort(dimension);
      String newCohort = now.cohort(dimension);
      boolean joins = !before.purchased() || !Objects.equals(oldCohort, newCohort);
      if (before.purchased() && joins) {
        deltas.add(delta(dimension, oldCohort, 0, -1, 0, 0));
      }
      if (joins || active != 0 || revenue != 0) {
        deltas.add(delta(dimension, newCohort, months, joins ? 1 : 0, active, revenue));
      }
    }
    return deltas;
  }

  /** Key of a cohort cell: {@code yyyy-MM|months}, or {@code category:NAME|months}. */
  public static String cellKey(CohortDimension dimension, String cohort, int monthsSinceAcquisition) {
    String prefix = dimension == CohortDimension.FIRST_CATEGORY ? "category:" : "";
    return prefix + cohort + '|' + monthsSinceAcquisition;
  }

  public static String cellKey(CohortDelta delta) {
    return cellKey(delta.getDimension(), delta.getCohort(), delta.getMonthsSinceAcquisition());
  }

  private static CohortDelta delta(
      CohortDimension dimension, String cohort, int months, int acquired, int active, long revenue) {
    return CohortDelta.newBuilder()
        .setDimension(dimension)
        .setCohort(cohort)
        .setMonthsSinceAcquisition(months)
        .setAcquiredDelta(acquired)
        .setActiveDelta(active)
        .setRevenueDeltaMinor(revenue)
        .build();
  }

  /** Calendar months from one yyyyMM to another. */
  static int monthsBetween(int fromYearMonth, int toYearMonth) {
    return (toYearMonth / 100 - fromYearMonth / 100) * 12 + toYearMonth % 100 - fromYearMonth % 100;
  }

  private static String category(CustomerState state) {
    return state.getFirstCategory() == null ? UNKNOWN_CATEGORY : state.getFirstCategory();
  }
}
