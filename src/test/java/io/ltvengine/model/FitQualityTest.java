package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitQualityTest {

  @Test
  void shouldReportTheStandardErrorsOfTheCdnowBgNbdFitAsTheLiteratureGivesThem() {
    // lifetimes' summary of the same fit: r 0.243 (0.013), alpha 4.414 (0.378), a 0.793 (0.186), b 2.426 (0.706)
    CalibrationFit fit = CalibrationFit.of(Cdnow.histories(), List.of(BgNbd.NAME), TimeUnit.WEEKS);

    FitQuality quality = fit.models().get(BgNbd.NAME).quality();

    assertThat(quality.converged()).as(quality.diagnosis()).isTrue();
    Map<String, Double> errors = quality.standardErrors();
    assertThat(errors.get("r")).isCloseTo(0.0126, withinPercentage(3));
    assertThat(errors.get("alpha")).isCloseTo(0.378, withinPercentage(3));
    assertThat(errors.get("a")).isCloseTo(0.186, withinPercentage(3));
    assertThat(errors.get("b")).isCloseTo(0.706, withinPercentage(3));
  }

  @Test
  void shouldSayAFitThatASearchBoundStoppedHasNotConverged() {
    // Given customers who all bought again at the very end: nothing says any of them ever drops out
    List<CustomerHistory> loyal = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      loyal.add(new CustomerHistory(1 + i % 3, 30, 30, 10, 1));
    }

    FittedModel fit = CalibrationFit.of(loyal, List.of(BgNbd.NAME), TimeUnit.WEEKS).models().get(BgNbd.NAME);

    assertThat(fit.quality().converged()).as("converged, for parameters " + fit.parameters()).isFalse();
    assertThat(fit.quality().diagnosis()).contains("search bound");
    assertThat(fit.summary()).containsEntry("converged", false).containsKey("why");
  }
}
