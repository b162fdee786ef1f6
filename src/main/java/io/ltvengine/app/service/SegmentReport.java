package io.ltvengine.app.service;

import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.LifecycleSegment;
import io.ltvengine.avro.state.TopCustomer;
import io.ltvengine.valuation.CurrencyConverter;
import io.ltvengine.valuation.SegmentSketch;
import io.ltvengine.valuation.ValueTier;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts and value of customers per lifecycle segment, churn-risk tier and value tier, from the
 * cells the topology keeps; RFM scores, value thresholds and top customers from the quantile
 * sketches of each task's last ranking walk, merged. No customer is read, so it costs the same
 * with ten thousand customers as with ten million.
 *
 * @param ranking what the sketches hold: how many customers, ranked when
 */
public record SegmentReport(
    String currency,
    long customers,
    Map<String, Group> bySegment,
    Map<String, Group> byRiskTier,
    Map<String, Group> byValueTier,
    RfmScores rfm,
    List<Top> topCustomers,
    Ranking ranking) {

  /** Customers of a group and the sum of their value (predicted CLV, else historical LTV). */
  public record Group(long customers, double value) {}

  /** One of the customers of highest value, as the last walk over their task found them. */
  public record Top(
      String customerId, String segment, String riskTier, int orders, double netRevenue, double value, double recencyDays) {}

  /**
   * @param customers customers in the sketches
   * @param walkedAt when the oldest of the walks behind them ended, ISO-8601; null before any walk
   * @param top1Value the lowest value of the top 1%; null before any walk
   * @param top10Value the lowest value of the top 10%; null before any walk
   */
  public record Ranking(long customers, String walkedAt, Double top1Value, Double top10Value) {}

  public static SegmentReport of(
      AudienceCounts counts, SegmentSketch.Summary sketch, CurrencyConverter currency, long now) {
    return new SegmentReport(
        counts.currency(),
        counts.customers(),
        groups(counts.bySegment(), names(LifecycleSegment.values())),
        groups(counts.byRiskTier(), names(ChurnRiskTier.values())),
        groups(counts.byValueTier(), Arrays.stream(ValueTier.values()).map(ValueTier::label).toList()),
        RfmScores.of(sketch, now),
        sketch.topCustomers().stream().map(top -> top(top, currency, now)).toList(),
        ranking(sketch, currency));
  }

  private static Map<String, Group> groups(Map<String, AudienceCounts.Count> counts, List<String> names) {
    Map<String, Group> groups = new LinkedHashMap<>();
    names.forEach(name -> groups.put(name, new Group(0, 0)));
    counts.forEach((name, count) -> groups.put(name, new Group(count.customers(), count.value())));
    return groups;
  }

  private static Top top(TopCustomer customer, CurrencyConverter currency, long now) {
    return new Top(customer.getCustomerId(), customer.getSegment(), customer.getRiskTier(), customer.getOrders(),
        currency.toMajor(customer.getNetRevenueMinor()), currency.toMajor(customer.getValueMinor()),
        RfmScores.days(now - customer.getLastPurchaseAt()));
  }

  private static Ranking ranking(SegmentSketch.Summary sketch, CurrencyConverter currency) {
    String walkedAt = sketch.walkedAt() == 0 ? null : Instant.ofEpochMilli(sketch.walkedAt()).toString();
    return sketch.thresholds()
        .map(t -> new Ranking(sketch.customers(), walkedAt, major(t.top1Minor(), currency), major(t.top10Minor(), currency)))
        .orElse(new Ranking(0, walkedAt, null, null));
  }

  private static double major(double minor, CurrencyConverter currency) {
    return minor / currency.minorPerMajor();
  }

  private static List<String> names(Enum<?>[] symbols) {
    return Arrays.stream(symbols).map(Enum::name).filter(name -> !name.equals("UNKNOWN")).toList();
  }
}
