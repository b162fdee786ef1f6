package io.ltvengine.valuation;

import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.LastPurchase;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies orders to a customer's running state. Events may arrive out of order: a late, older
 * purchase never moves the last purchase backwards, and the first purchase (the acquisition
 * cohort) follows the earliest purchase seen.
 */
public final class CustomerLedger {

  /** Purchase times kept for the buying rhythm; the recent rhythm is the one that predicts. */
  static final int MAX_RECENT_PURCHASES = 12;

  /** Categories kept per customer; the smallest spend is folded into {@link #OTHER_CATEGORY}. */
  static final int MAX_CATEGORIES = 12;

  static final String OTHER_CATEGORY = "other";

  private CustomerLedger() {}

  /** State of a customer the engine has not seen yet. */
  public static CustomerState emptyState() {
    return CustomerState.newBuilder()
        .setFirstPurchaseAt(0)
        .setLastPurchaseAt(0)
        .setLastEventAt(0)
        .setOrders(0)
        .setRefunds(0)
        .setGrossMinor(0)
        .setRefundedMinor(0)
        .setMarginMinor(0)
        .setMarginComplete(true)
        .setRecentPurchases(new ArrayList<>())
        .setRecentEvents(new ArrayList<>())
        .setCategorySpend(new HashMap<>())
        .setAcquisitionMonth(0)
        .setFirstPurchaseMinor(-1)
        .build();
  }

  /** Orders that count: purchases less cancellations, never below zero. */
  public static int orders(CustomerState state) {
    return Math.max(0, state.getOrders());
  }

  /** Whether the customer has made a purchase that is still counted. */
  public static boolean hasPurchased(CustomerState state) {
    return state.getFirstPurchaseAt() > 0;
  }

  /**
   * What an order changed beyond the state itself.
   *
   * @param newGapMillis the gap a newer purchase closed since the previous one, 0 if none
   * @param closedAlertId the churn alert a newer purchase ended, or null: the customer is back
   */
  public record Change(long newGapMillis, String closedAlertId) {}

  /** Applies one order event to the state, in place. */
  public static Change apply(CustomerState state, OrderFacts order) {
    boolean newerPurchase = order.type() == OrderType.PURCHASE && order.eventTime() > state.getLastPurchaseAt();
    long gap = newerPurchase && hasPurchased(state) ? order.eventTime() - state.getLastPurchaseAt() : 0;
    String closedAlertId = newerPurchase ? state.getOpenAlertId() : null;
    state.setLastEventAt(Math.max(state.getLastEventAt(), order.eventTime()));
    switch (order.type()) {
      case PURCHASE -> applyPurchase(state, order);
      case REFUND -> applyRefund(state, order);
      case CANCELLATION -> applyCancellation(state, order);
      default -> throw new IllegalArgumentException("Unsupported order type " + order.type());
    }
    if (closedAlertId != null) {
      state.setOpenAlertId(null);
      state.setReactivatedAt(order.eventTime());
    }
    return new Change(gap, closedAlertId);
  }

  private static void applyPurchase(CustomerState state, OrderFacts order) {
    boolean first = !hasPurchased(state) || order.eventTime() < state.getFirstPurchaseAt();
    if (first) {
      state.setFirstPurchaseAt(order.eventTime());
      state.setAcquisitionMonth(yearMonth(order.eventTime()));
      state.setFirstCategory(order.mainCategory());
      state.setFirstPurchaseMinor(order.amountMinor());
    }
    if (order.eventTime() >= state.getLastPurchaseAt()) {
      state.setLastPurchaseAt(order.eventTime());
      state.setLastOrder(summary(order));
    }
    state.setOrders(state.getOrders() + 1);
    state.setGrossMinor(state.getGrossMinor() + order.amountMinor());
    addMargin(state, order.marginMinor());
    insertPurchaseTime(state.getRecentPurchases(), order.eventTime());
    order.categorySpend().forEach((category, spend) -> addCategorySpend(state, category, spend));
  }

  private static void applyRefund(CustomerState state, OrderFacts order) {
    state.setRefunds(state.getRefunds() + 1);
    state.setRefundedMinor(state.getRefundedMinor() + order.amountMinor());
    state.setMarginMinor(state.getMarginMinor() - refundMargin(state, order));
  }

  /**
   * A cancelled order never happened: it leaves the order count, revenue and margin. The count is
   * net of cancellations and may fall below zero while a cancellation waits for its purchase, so
   * that the totals do not depend on arrival order; {@link #orders} is what is shown.
   */
  private static void applyCancellation(CustomerState state, OrderFacts order) {
    state.setOrders(state.getOrders() - 1);
    state.setGrossMinor(state.getGrossMinor() - order.amountMinor());
    state.setMarginMinor(state.getMarginMinor() - refundMargin(state, order));
  }

  /** Margin lost by a refund: as sent, or else the customer's margin rate applied to the amount. */
  private static long refundMargin(CustomerState state, OrderFacts order) {
    if (order.marginMinor() != null) {
      return order.marginMinor();
    }
    if (state.getGrossMinor() <= 0) {
      return 0;
    }
    return Math.round((double) order.amountMinor() * state.getMarginMinor() / state.getGrossMinor());
  }

  private static void addMargin(CustomerState state, Long marginMinor) {
    if (marginMinor == null) {
      state.setMarginComplete(false);
    } else {
      state.setMarginMinor(state.getMarginMinor() + marginMinor);
    }
  }

  /** Keeps the newest purchase times in ascending order, wherever the new one falls. */
  static void insertPurchaseTime(List<Long> times, long time) {
    int index = times.size();
    while (index > 0 && times.get(index - 1) > time) {
      index--;
    }
    if (times.size() >= MAX_RECENT_PURCHASES) {
      if (index == 0) {
        return;
      }
      times.remove(0);
      index--;
    }
    times.add(index, time);
  }

  private static void addCategorySpend(CustomerState state, String category, long spend) {
    Map<String, Long> spendByCategory = state.getCategorySpend();
    if (spendByCategory.containsKey(category) || spendByCategory.size() < MAX_CATEGORIES) {
      spendByCategory.merge(category, spend, Long::sum);
      return;
    }
    spendByCategory.merge(OTHER_CATEGORY, spend, Long::sum);
  }

  /** Category with the highest spend, or null when no line items were ever sent. */
  public static String topCategory(CustomerState state) {
    return state.getCategorySpend().entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  private static LastPurchase summary(OrderFacts order) {
    return LastPurchase.newBuilder()
        .setOrderId(order.orderId())
        .setPurchasedAt(order.eventTime())
        .setAmountMinor(order.amountMinor())
        .setMainCategory(order.mainCategory())
        .setChannel(order.channel())
        .build();
  }

  static int yearMonth(long epochMillis) {
    ZonedDateTime time = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
    return time.getYear() * 100 + time.getMonthValue();
  }

  /**
   * A yyyyMM month as yyyy-MM, the cohort label, or null for 0, the month of a customer who has
   * not bought yet. Runs per order, so no String.format.
   */
  public static String formatYearMonth(int yearMonth) {
    return yearMonth == 0 ? null : YearMonth.of(yearMonth / 100, yearMonth % 100).toString();
  }

  /**
   * Mean spend per repeat purchase in minor units, which is what Gamma-Gamma models: net revenue
   * less the first purchase, over the repeat purchases. Refunds count against the repeats. Without
   * a repeat purchase, or for state kept before the first purchase's amount was, the mean of every
   * purchase.
   */
  public static double meanRepeatSpendMinor(CustomerState state) {
    int orders = orders(state);
    if (orders == 0) {
      return 0;
    }
    if (orders == 1 || state.getFirstPurchaseMinor() < 0) {
      return (double) netRevenueMinor(state) / orders;
    }
    return (double) (netRevenueMinor(state) - state.getFirstPurchaseMinor()) / (orders - 1);
  }

  /** Net revenue: purchases less refunds and cancellations. */
  public static long netRevenueMinor(CustomerState state) {
    return state.getGrossMinor() - state.getRefundedMinor();
  }

  /** Whether an order type changes the ledger at all. */
  public static boolean isSupported(OrderType type) {
    return type == OrderType.PURCHASE || type == OrderType.REFUND || type == OrderType.CANCELLATION;
  }
}
