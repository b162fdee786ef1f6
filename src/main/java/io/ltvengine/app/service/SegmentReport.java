package io.ltvengine.app.service;

import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.LifecycleSegment;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Counts and value of customers per lifecycle segment, churn-risk tier, RFM score and value tier.
 * Built from a summary of every customer, so its cost grows with the number of customers: fine
 * for a dashboard refreshing every few seconds up to some hundred thousand customers.
 */
public record SegmentReport(
    int customers,
    Map<String, Group> bySegment,
    Map<String, Group> byRiskTier,
    Map<String, Group> byValueTier,
    RfmScores rfm,
    List<CustomerSummary> topCustomers) {

  /** Customers of a group and the sum of their value (predicted CLV, else historical LTV). */
  public record Group(long customers, double value) {
    Group plus(CustomerSummary customer) {
      return new Group(customers + 1, value + customer.value());
    }
  }

  static final int TOP_CUSTOMERS = 10;
  static final String TOP_1 = "top-1%";
  static final String TOP_10 = "top-10%";
  static final String REST = "rest";

  public static SegmentReport of(List<CustomerSummary> customers) {
    List<CustomerSummary> byValue =
        customers.stream().sorted(Comparator.comparingDouble(CustomerSummary::value).reversed()).toList();
    return new SegmentReport(
        customers.size(),
        groups(customers, CustomerSummary::segment, names(LifecycleSegment.values())),
        groups(customers, CustomerSummary::riskTier, names(ChurnRiskTier.values())),
        valueTiers(byValue),
        RfmScores.of(customers),
        byValue.subList(0, Math.min(TOP_CUSTOMERS, byValue.size())));
  }

  private static Map<String, Group> groups(
      List<CustomerSummary> customers, Function<CustomerSummary, String> key, List<String> names) {
    Map<String, Group> groups = new LinkedHashMap<>();
    names.forEach(name -> groups.put(name, new Group(0, 0)));
    customers.forEach(c -> groups.merge(key.apply(c), new Group(1, c.value()), SegmentReport::add));
    return groups;
  }

  /** Top 1%, the rest of the top 10%, and everyone else, from customers sorted by value. */
  private static Map<String, Group> valueTiers(List<CustomerSummary> byValue) {
    int top1 = (int) Math.ceil(byValue.size() * 0.01);
    int top10 = (int) Math.ceil(byValue.size() * 0.10);
    Map<String, Group> tiers = new LinkedHashMap<>();
    tiers.put(TOP_1, new Group(0, 0));
    tiers.put(TOP_10, new Group(0, 0));
    tiers.put(REST, new Group(0, 0));
    for (int rank = 0; rank < byValue.size(); rank++) {
      String tier = rank < top1 ? TOP_1 : rank < top10 ? TOP_10 : REST;
      tiers.put(tier, tiers.get(tier).plus(byValue.get(rank)));
    }
    return tiers;
  }

  private static Group add(Group a, Group b) {
    return new Group(a.customers() + b.customers(), a.value() + b.value());
  }

  private static List<String> names(Enum<?>[] symbols) {
    return Arrays.stream(symbols).map(Enum::name).filter(name -> !name.equals("UNKNOWN")).toList();
  }
}
