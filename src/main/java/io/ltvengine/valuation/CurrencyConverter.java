package io.ltvengine.valuation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Converts amounts in minor units of any configured currency to minor units of the reporting
 * currency. Exact decimal arithmetic: money never passes through floating point here.
 */
public final class CurrencyConverter {

  private final Currency reporting;
  private final Map<String, BigDecimal> ratesToReporting;
  private final long minorPerMajor;

  public CurrencyConverter(String reportingCurrency, Map<String, BigDecimal> ratesToReporting) {
    this.reporting = Currency.getInstance(reportingCurrency);
    this.ratesToReporting = new HashMap<>(ratesToReporting);
    this.minorPerMajor =
        BigDecimal.TEN.pow(Math.max(0, reporting.getDefaultFractionDigits())).longValueExact();
  }

  /** Parses rates written as {@code USD:0.92,GBP:1.17}. */
  public static CurrencyConverter parse(String reportingCurrency, String rates) {
    return new CurrencyConverter(reportingCurrency, parseRates(rates));
  }

  /**
   * Rates to the reporting currency written as {@code USD:0.92,GBP:1.17}: ISO codes, each rate a
   * positive number, so that no conversion can turn revenue negative or to zero.
   */
  public static Map<String, BigDecimal> parseRates(String rates) {
    Map<String, BigDecimal> parsed = new HashMap<>();
    for (String entry : rates.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.trim().split(":");
      if (parts.length != 2) {
        throw new IllegalArgumentException("a rate must look like USD:0.92, got '" + entry.trim() + "'");
      }
      parsed.put(currencyCode(parts[0].trim()), positiveRate(parts[0].trim(), parts[1].trim()));
    }
    return parsed;
  }

  private static String currencyCode(String code) {
    try {
      return Currency.getInstance(code).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
    }
  }

  private static BigDecimal positiveRate(String code, String rate) {
    try {
      BigDecimal parsed = new BigDecimal(rate);
      if (parsed.signum() <= 0) {
        throw new IllegalArgumentException("the rate of " + code + " must be positive, got " + rate);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the rate of " + code + " is not a number: '" + rate + "'");
    }
  }

  public String reportingCurrency() {
    return reporting.getCurrencyCode();
  }

  /** Minor units per major unit of the reporting currency (100 for EUR). */
  public long minorPerMajor() {
    return minorPerMajor;
  }

  public double toMajor(long reportingMinor) {
    return (double) reportingMinor / minorPerMajor();
  }

  /** The amount in reporting minor units, or empty when the currency is unknown or has no rate. */
  public Optional<Long> toReportingMinor(long amountMinor, String currencyCode) {
    if (reporting.getCurrencyCode().equals(currencyCode)) {
      return Optional.of(amountMinor);
    }
    BigDecimal rate = ratesToReporting.get(currencyCode);
    if (rate == null) {
      return Optional.empty();
    }
    Currency from = Currency.getInstance(currencyCode);
    BigDecimal major = BigDecimal.valueOf(amountMinor).movePointLeft(from.getDefaultFractionDigits());
    BigDecimal converted = major.multiply(rate).movePointRight(reporting.getDefaultFractionDigits());
    return Optional.of(converted.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
  }
}
