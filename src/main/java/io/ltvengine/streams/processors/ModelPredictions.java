package io.ltvengine.streams.processors;

import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.model.BgNbd;
import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.GammaGamma;
import io.ltvengine.model.Predictor;
import io.ltvengine.model.PurchaseModel;
import io.ltvengine.model.PurchaseModels;
import io.ltvengine.model.TimeUnit;
import io.ltvengine.model.customer.CustomerLedger;
import io.ltvengine.model.customer.Prediction;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Predictions from the latest parameters published on the model topic. The predictor is rebuilt
 * only when a new version arrives, so a refit is picked up without restart at no per-order cost.
 */
public final class ModelPredictions implements Predictions {

  /** What the engine asks of the model, from its settings. */
  public record Options(
      String modelName, double horizonDays, double annualDiscountRate, double alertBelowPAlive) {}

  private static final double DAYS_PER_YEAR = 365.25;
  private static final double MILLIS_PER_DAY = 86_400_000d;

  private final Function<String, LtvModel> models;
  private final Options options;
  private final double minorPerMajor;
  private LtvModel current;
  private PurchaseModel purchases;
  private Predictor predictor;
  private TimeUnit timeUnit;

  /** @param models the latest published parameters by model name, null where none are */
  public ModelPredictions(Function<String, LtvModel> models, Options options, double minorPerMajor) {
    this.models = models;
    this.options = options;
    this.minorPerMajor = minorPerMajor;
  }

  @Override
  public Prediction predict(CustomerState state, long now) {
    if (!refresh() || state.getOrders() == 0) {
      return null;
    }
    int repeats = state.getOrders() - 1;
    double meanSpend = CustomerLedger.netRevenueMinor(state) / minorPerMajor / state.getOrders();
    Predictor.Score score =
        predictor.score(
            repeats,
            Instant.ofEpochMilli(state.getFirstPurchaseAt()),
            Instant.ofEpochMilli(state.getLastPurchaseAt()),
            Instant.ofEpochMilli(Math.max(now, state.getLastPurchaseAt())),
            Math.max(meanSpend, 0));
    return new Prediction(
        score.pAlive(),
        score.expectedPurchases(),
        current.getSpendParameters() == null ? Double.NaN : score.expectedAvgSpend(),
        current.getSpendParameters() == null ? Double.NaN : score.clv(),
        current.getModel(),
        current.getVersion(),
        judges(repeats));
  }

  @Override
  public OptionalLong alertTime(CustomerState state) {
    if (!refresh() || state.getOrders() == 0 || !judges(state.getOrders() - 1)) {
      return OptionalLong.empty();
    }
    double tx = timeUnit.of(Duration.ofMillis(state.getLastPurchaseAt() - state.getFirstPurchaseAt()));
    double age = purchases.ageWhenPAliveDropsBelow(options.alertBelowPAlive(), state.getOrders() - 1, tx);
    if (!Double.isFinite(age)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        state.getFirstPurchaseAt() + Math.round(age * current.getTimeUnitDays() * MILLIS_PER_DAY));
  }

  /** BG/NBD holds every customer without a repeat purchase alive: it cannot judge them. */
  private boolean judges(int repeatPurchases) {
    return !(BgNbd.NAME.equals(current.getModel()) && repeatPurchases == 0);
  }

  /** Loads the latest published parameters; false while none are published. */
  private boolean refresh() {
    LtvModel latest = models.apply(options.modelName());
    if (latest == null) {
      return false;
    }
    if (current == null || latest.getVersion() != current.getVersion()) {
      build(latest);
    }
    return true;
  }

  private void build(LtvModel model) {
    timeUnit = model.getTimeUnitDays() >= 7 ? TimeUnit.WEEKS : TimeUnit.DAYS;
    double periodDays = model.getTimeUnitDays();
    int horizon = (int) Math.max(1, Math.round(options.horizonDays() / periodDays));
    double discountPerPeriod = Math.pow(1 + options.annualDiscountRate(), periodDays / DAYS_PER_YEAR) - 1;
    purchases = PurchaseModels.create(model.getModel(), model.getParameters());
    // Without published spend parameters a neutral spend model keeps the predictor whole; its
    // spend and CLV figures are reported as unknown (see predict).
    GammaGamma spend =
        model.getSpendParameters() == null
            ? new GammaGamma(1, 1, 1)
            : GammaGamma.fromParameters(model.getSpendParameters());
    predictor = new Predictor(purchases, spend, horizon, discountPerPeriod, timeUnit);
    current = model;
  }
}
