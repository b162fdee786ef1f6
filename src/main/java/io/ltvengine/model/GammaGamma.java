package io.ltvengine.model;

import java.util.List;
import java.util.Map;
import org.hipparchus.special.Gamma;

/**
 * Gamma-Gamma model of spend per purchase, Fader and Hardie (2013), "The Gamma-Gamma model of
 * monetary value". Purchase values of a customer are Gamma(p, nu) with nu ~ Gamma(q, gamma) across
 * customers. It is fitted on repeat customers' mean repeat spend zbar; x, the number of purchases
 * behind each mean, enters the likelihood.
 */
public final class GammaGamma {

  public static final String NAME = "gamma-gamma";

  private final double p;
  private final double q;
  private final double gamma;

  /** Parameter-only part of the log-likelihood: -ln Gamma(q) + q ln gamma. */
  private final double logLikelihoodConstant;

  public GammaGamma(double p, double q, double gamma) {
    this.p = p;
    this.q = q;
    this.gamma = gamma;
    this.logLikelihoodConstant = -Gamma.logGamma(q) + q * Math.log(gamma);
  }

  public static GammaGamma fromParameters(Map<String, Double> parameters) {
    return new GammaGamma(parameters.get("p"), parameters.get("q"), parameters.get("gamma"));
  }

  /** Maximum-likelihood fit on the customers with x &gt; 0 and a positive mean spend. */
  public static GammaGamma fit(List<CustomerHistory> customers) {
    List<CustomerHistory> repeaters = repeaters(customers);
    double meanSpend =
        repeaters.stream()
            .mapToDouble(CustomerHistory::meanSpend)
            .average()
            .orElseThrow(() -> new IllegalArgumentException("no repeat customers to fit spend on"));
    double[] v =
        MaximumLikelihood.maximise(
            w -> new GammaGamma(w[0], w[1], w[2]).logLikelihood(repeaters), 1, 2, meanSpend);
    return new GammaGamma(v[0], v[1], v[2]);
  }

  /** Rows the spend model is fitted on: repeat customers with a positive mean spend. */
  public static List<CustomerHistory> repeaters(List<CustomerHistory> customers) {
    return customers.stream().filter(h -> h.x() > 0 && h.meanSpend() > 0).toList();
  }

  public Map<String, Double> parameters() {
    return Parameters.named(new String[] {"p", "q", "gamma"}, p, q, gamma);
  }

  /**
   * Density of the mean zbar of x purchase values: Gamma(px+q) / (Gamma(px) Gamma(q)) gamma^q
   * zbar^(px-1) x^(px) / (gamma + x zbar)^(px+q).
   */
  public double logLikelihood(CustomerHistory h) {
    double px = p * h.x();
    double zbar = h.meanSpend();
    return logLikelihoodConstant
        + Gamma.logGamma(px + q)
        - Gamma.logGamma(px)
        + (px - 1) * Math.log(zbar)
        + px * Math.log(h.x())
        - (px + q) * Math.log(gamma + h.x() * zbar);
  }

  /** Weighted log-likelihood of the repeat customers among {@code customers}. */
  public double logLikelihood(List<CustomerHistory> customers) {
    return repeaters(customers).stream().mapToDouble(h -> h.weight() * logLikelihood(h)).sum();
  }

  /**
   * Conditional expected spend per purchase: (gamma + x zbar) p / (p x + q - 1), a weighted average
   * of the population mean p gamma / (q - 1) and the customer's own zbar. Needs q &gt; 1.
   */
  public double expectedAverageSpend(CustomerHistory h) {
    return (gamma + h.x() * h.meanSpend()) * p / (p * h.x() + q - 1);
  }
}
