package io.ltvengine.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistoricalValueTest {

  private final HistoricalValue value = new HistoricalValue(0.25, 365.25);

  @Test
  void shouldMultiplyOrderValueFrequencyAndLifespan() {
    // 6 orders worth 300 over two years: AOV 50, 3 a year, 4 years of expected life
    assertThat(value.ltv(300, 6, 730.5)).isCloseTo(50 * 3 * 4, within(1e-9));
  }

  @Test
  void shouldNotExtrapolateANewCustomerBeyondOneOrderAYear() {
    assertThat(value.purchasesPerYear(1, 0)).isEqualTo(1.0);
  }

  @Test
  void shouldDivideYearlyMarginByTheChurnRate() {
    assertThat(value.marginLtv(100, 365.25)).isCloseTo(400, within(1e-9));
  }

  @Test
  void shouldRejectAChurnRateOutsideZeroToOne() {
    assertThatThrownBy(() -> new HistoricalValue(0, 365)).isInstanceOf(IllegalArgumentException.class);
  }
}
