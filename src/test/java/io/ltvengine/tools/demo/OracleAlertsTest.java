package io.ltvengine.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.tools.demo.ShopParameters.BuyingPrior;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OracleAlertsTest {

  private static final Instant END = Instant.parse("2025-06-01T00:00:00Z");
  private static final BuyingPrior PRIOR = new BuyingPrior(0.9, 30, 1.2, 4.0);

  @Test
  void shouldNameAsManyCustomersAsTheEngineByTheirTrueChanceOfHavingDroppedOut() {
    // Given a frequent buyer silent for 150 days (gone), one who bought yesterday, and a one-time
    // buyer, whom BG/NBD never counts as dropped out
    List<CustomerTruth> truths = List.of(
        customer("silent", 6, END.minus(Duration.ofDays(150)), true),
        customer("busy", 6, END.minus(Duration.ofDays(1)), false),
        customer("once", 1, END.minus(Duration.ofDays(200)), false));

    // When the engine holds one open alert, on the one-time buyer
    OracleAlerts oracle = OracleAlerts.of(Set.of("once"), truths, PRIOR, END);

    // Then the oracle's one names the silent frequent buyer, who is gone
    assertThat(oracle.alerts()).isEqualTo(1);
    assertThat(oracle.oracleRight()).as("oracle's right alerts").isEqualTo(1);
    assertThat(oracle.engineRight()).as("engine's right alerts").isZero();
    assertThat(oracle.oracleRecall()).isEqualTo(1.0);
    assertThat(oracle.enginePrecision()).isZero();
  }

  private static CustomerTruth customer(String id, int purchases, Instant last, boolean gone) {
    return new CustomerTruth(id, END.minus(Duration.ofDays(200)), "books", 0.1, 0.2, 3000, purchases, last,
        gone ? Optional.of(last) : Optional.empty());
  }
}
