package io.ltvengine.valuation;

/**
 * The classic historical LTV: average order value x purchase frequency x expected lifespan, with
 * lifespan = 1 / churn rate; and margin per year / churn rate when margins are known.
 *
 * @param annualChurnRate share of customers lost per year
 * @param minTenureDays shortest span over which the purchase frequency is measured, so a customer
 *     seen for a day is not extrapolated to hundreds of orders a year
 */
public record HistoricalValue(double annualChurnRate, double minTenureDays) {

  static final double DAYS_PER_YEAR = 365.25;

  public HistoricalValue {
    if (!(annualChurnRate > 0 && annualChurnRate <= 1)) {
      throw new IllegalArgumentException("Annual churn rate must be in (0, 1]: " + annualChurnRate);
    }
  }

  public double expectedLifespanYears() {
    return 1 / annualChurnRate;
  }

  public double averageOrderValue(double netRevenue, int orders) {
    return orders == 0 ? 0 : netRevenue / orders;
  }

  public double purchasesPerYear(int orders, double tenureDays) {
    return orders / (Math.max(tenureDays, minTenureDays) / DAYS_PER_YEAR);
  }

  public double ltv(double netRevenue, int orders, double tenureDays) {
    return averageOrderValue(netRevenue, orders)
        * purchasesPerYear(orders, tenureDays)
        * expectedLifespanYears();
  }

  public double marginLtv(double margin, double tenureDays) {
    double marginPerYear = margin / (Math.max(tenureDays, minTenureDays) / DAYS_PER_YEAR);
    return marginPerYear / annualChurnRate;
  }
}
