package io.ltvengine.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.LtvModel;
import io.ltvengine.model.BgNbd;
import io.ltvengine.model.CalibrationFit;
import io.ltvengine.model.FitQuality;
import io.ltvengine.model.FittedModel;
import io.ltvengine.model.GammaGamma;
import io.ltvengine.model.ParetoNbd;
import io.ltvengine.model.TimeUnit;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelPublisherTest {

  private static final FitQuality CONVERGED = new FitQuality(true, "", Map.of());
  private static final FitQuality STOPPED = new FitQuality(false, "a search bound stopped the fit", Map.of());

  @Test
  void shouldNeverPublishAFitThatDidNotConverge() {
    Map<String, FittedModel> models = new LinkedHashMap<>();
    models.put(BgNbd.NAME, fitted(BgNbd.NAME, Map.of("r", 0.24, "alpha", 4.4, "a", 0.79, "b", 2.4), CONVERGED));
    models.put(ParetoNbd.NAME, fitted(ParetoNbd.NAME, Map.of("r", 3.3e6, "alpha", 1.0, "s", 0.6, "beta", 3.3e6), STOPPED));
    models.put(GammaGamma.NAME, fitted(GammaGamma.NAME, Map.of("p", 6.25, "q", 3.74, "gamma", 15.44), STOPPED));
    CalibrationFit fit = new CalibrationFit(100, 40, models, Map.of(), TimeUnit.WEEKS);

    List<LtvModel> records = ModelPublisher.publishable(fit, Instant.parse("2026-12-01T00:00:00Z"));

    assertThat(records).extracting(LtvModel::getModel).as("models published").containsExactly(BgNbd.NAME);
    assertThat(records.get(0).getSpendParameters()).as("spend parameters of a spend fit that did not converge").isNull();
  }

  private static FittedModel fitted(String name, Map<String, Double> parameters, FitQuality quality) {
    return new FittedModel(name, parameters, -1, TimeUnit.WEEKS, quality);
  }
}
