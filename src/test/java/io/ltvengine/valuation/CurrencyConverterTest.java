package io.ltvengine.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CurrencyConverterTest {

  private final CurrencyConverter converter = CurrencyConverter.parse("EUR", "USD:0.5, JPY:0.0062");

  @Test
  void shouldLeaveTheReportingCurrencyUntouched() {
    assertThat(converter.toReportingMinor(1234, "EUR")).contains(1234L);
  }

  @Test
  void shouldConvertBetweenCurrenciesWithDifferentMinorUnits() {
    assertThat(converter.toReportingMinor(1_001, "USD")).contains(500L);
    assertThat(converter.toReportingMinor(10_000, "JPY")).contains(6_200L);
  }

  @Test
  void shouldHaveNoAnswerForACurrencyWithoutRate() {
    assertThat(converter.toReportingMinor(100, "GBP")).isEmpty();
  }

  @Test
  void shouldRejectAMalformedRate() {
    assertThatThrownBy(() -> CurrencyConverter.parse("EUR", "USD=0.9"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
