package io.ltvengine.valuation;

import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.GammaGamma;
import io.ltvengine.model.Predictor;
import io.ltvengine.model.PurchaseModel;
import io.ltvengine.model.PurchaseModels;
import io.ltvengine.model.TimeUnit;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Predictions from the latest parameters published on the model topic. The predictor is rebuilt
 * only when a new version arrives, so a refit is picked up without restart at no per-order cost.
 * One instance serves every stream thread and the queries: the built predictor is an immutable
 * snapshot, replaced whole.
 *
 * <p>Scoring never throws: a parameter set that fails the {@link ModelProbe} is refused and the
 * previous one stays in use, and a customer a model still cannot score is judged without it.
 */
final class ModelPredictions {

  private static final Logger LOG = LoggerFactory.getLogger(ModelPredictions.class);

  private static final double DAYS_PER_YEAR = 365.25;
  private static final double MILLIS_PER_DAY = 86_400_000d;

  private final ModelOptions options;
  private final double minorPerMajor;
  private volatile Built current;
  /** The latest version refused, so that it is not tried again on every order. */
  private volatile long refusedVersion = -1;

  /** A published parameter set, ready to score. */
  private record Built(LtvModel model, PurchaseModel purchases, Predictor predictor, TimeUnit timeUnit) {}

  ModelPredictions(ModelOptions options, double minorPerMajor) {
    this.options = options;
    this.minorPerMajor = minorPerMajor;
  }

  /**
   * Why a published parameter set cannot be used, if it cannot: parameters the model refuses, or
   * figures that are not finite on the probe histories.
   */
  Optional<String> problem(LtvModel model) {
    try {
      return ModelProbe.problem(build(model).predictor());
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  /**
   * The model's view of the customer at {@code now}; null while no usable model is published or
   * when the model cannot score this customer, who is then judged by the rhythm rule.
   */
  Prediction predict(CustomerState state, long now, ModelSource models) {
    Built built = refresh(models);
    if (built == null || CustomerLedger.orders(state) == 0) {
      return null;
    }
    try {
      return score(built, state, now);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Prediction score(Built built, CustomerState state, long now) {
    int repeats = CustomerLedger.orders(state) - 1;
    double meanSpend = CustomerLedger.meanRepeatSpendMinor(state) / minorPerMajor;
    double tx = built.timeUnit().of(Duration.ofMillis(state.getLastPurchaseAt() - state.getFirstPurchaseAt()));
    double age = Math.max(tx, built.timeUnit().of(Duration.ofMillis(now - state.getFirstPurchaseAt())));
    CustomerHistory history = new CustomerHistory(repeats, tx, age, Math.max(meanSpend, 0), 1);
    Predictor.Score score = built.predictor().score(history);
    boolean withSpend = built.model().getSpendParameters() != null;
    AlertRule alert = options.alert();
    double churnProbability = built.purchases().probabilityOfNoPurchase(
        alert.horizonDays() / built.model().getTimeUnitDays(), history);
    if (!Double.isFinite(churnProbability)) {
      return null;
    }
    return new Prediction(
        score.pAlive(),
        score.expectedPurchases(),
        withSpend ? score.expectedAvgSpend() : Double.NaN,
        withSpend ? score.clv() : Double.NaN,
        churnProbability,
        new Prediction.Source(built.model().getModel(), built.model().getVersion(),
            alert.judges(built.model().getModel(), repeats)));
  }

  /**
   * When the customer turns HIGH risk (or MEDIUM, when not {@code highRisk}) by the alert rule if
   * they stay silent; empty when no model is published or it cannot judge this customer. Rounded
   * up to the next millisecond and one more: the root search's tolerance lies far below that, so
   * at the check the customer has the tier.
   */
  OptionalLong riskTime(CustomerState state, ModelSource models, boolean highRisk) {
    Built built = refresh(models);
    int repeats = CustomerLedger.orders(state) - 1;
    if (built == null || repeats < 0 || !options.alert().judges(built.model().getModel(), repeats)) {
      return OptionalLong.empty();
    }
    double tx = built.timeUnit().of(Duration.ofMillis(state.getLastPurchaseAt() - state.getFirstPurchaseAt()));
    double age;
    try {
      age = options.alert().riskAge(built.purchases(), repeats, tx, built.model().getTimeUnitDays(), highRisk);
    } catch (RuntimeException e) {
      return OptionalLong.empty();
    }
    if (!Double.isFinite(age)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        state.getFirstPurchaseAt() + (long) Math.ceil(age * built.model().getTimeUnitDays() * MILLIS_PER_DAY) + 1);
  }

  /** The predictor of the latest published parameters; null while none are published. */
  private Built refresh(ModelSource models) {
    LtvModel latest = models.latest(options.modelName());
    if (latest == null) {
      return null;
    }
    Built built = current;
    boolean published = built == null || latest.getVersion() != built.model().getVersion();
    if (published && latest.getVersion() != refusedVersion) {
      built = adopt(latest, built);
    }
    return built;
  }

  /** The new parameter set if it passes the probe; else the previous one, which stays in use. */
  private Built adopt(LtvModel latest, Built previous) {
    Optional<String> problem;
    Built candidate = null;
    try {
      candidate = build(latest);
      problem = ModelProbe.problem(candidate.predictor());
    } catch (RuntimeException e) {
      problem = Optional.of(String.valueOf(e.getMessage()));
    }
    if (problem.isEmpty()) {
      current = candidate;
      return candidate;
    }
    refusedVersion = latest.getVersion();
    LOG.warn("Refusing {} version {}: {}; keeping {}", latest.getModel(), latest.getVersion(), problem.get(),
        previous == null ? "no model" : "version " + previous.model().getVersion());
    return previous;
  }

  private Built build(LtvModel model) {
    TimeUnit timeUnit = model.getTimeUnitDays() >= 7 ? TimeUnit.WEEKS : TimeUnit.DAYS;
    double periodDays = model.getTimeUnitDays();
    int horizon = (int) Math.max(1, Math.round(options.horizonDays() / periodDays));
    double discountPerPeriod = Math.pow(1 + options.annualDiscountRate(), periodDays / DAYS_PER_YEAR) - 1;
    PurchaseModel purchases = PurchaseModels.create(model.getModel(), model.getParameters());
    // Without published spend parameters a neutral spend model keeps the predictor whole; its
    // spend and CLV figures are reported as unknown (see predict).
    GammaGamma spend =
        model.getSpendParameters() == null
            ? new GammaGamma(1, 1, 1)
            : GammaGamma.fromParameters(model.getSpendParameters());
    return new Built(model, purchases, new Predictor(purchases, spend, horizon, discountPerPeriod, timeUnit), timeUnit);
  }
}
