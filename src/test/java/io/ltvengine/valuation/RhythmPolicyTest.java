package io.ltvengine.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.ChurnRiskTier;
import java.util.List;
import org.junit.jupiter.api.Test;

class RhythmPolicyTest {

  private static final long DAY = 86_400_000L;
  private final RhythmPolicy policy = new RhythmPolicy(2.0, 2.0, 7.0);

  @Test
  void shouldExpectTheCustomersOwnMeanGap() {
    PurchaseRhythm rhythm = PurchaseRhythm.of(List.of(0L, 10 * DAY, 30 * DAY));

    assertThat(rhythm.meanGapDays()).isEqualTo(15.0);
    assertThat(policy.expectedGapDays(rhythm, 99)).isEqualTo(15.0);
  }

  @Test
  void shouldUseThePopulationGapForOneTimeBuyers() {
    PurchaseRhythm none = PurchaseRhythm.of(List.of(5 * DAY));

    assertThat(none.known()).isFalse();
    assertThat(policy.quietAfterDays(none, 40)).isEqualTo(80.0);
  }

  @Test
  void shouldWaitLongerForAnIrregularBuyer() {
    PurchaseRhythm irregular = PurchaseRhythm.of(List.of(0L, 2 * DAY, 30 * DAY, 32 * DAY));

    double quietAfter = policy.quietAfterDays(irregular, 30);

    assertThat(quietAfter).isGreaterThan(2 * irregular.meanGapDays());
    assertThat(quietAfter)
        .isEqualTo(irregular.meanGapDays() + 2 * irregular.stdDevGapDays());
  }

  @Test
  void shouldNeverCallACustomerQuietBeforeTheMinimum() {
    PurchaseRhythm daily = PurchaseRhythm.of(List.of(0L, DAY, 2 * DAY));

    assertThat(policy.quietAfterDays(daily, 30)).isEqualTo(7.0);
  }

  @Test
  void shouldRaiseTheTierAsSilenceGrows() {
    assertThat(policy.tier(1, 20)).isEqualTo(ChurnRiskTier.LOW);
    assertThat(policy.tier(10, 20)).isEqualTo(ChurnRiskTier.MEDIUM);
    assertThat(policy.tier(20, 20)).isEqualTo(ChurnRiskTier.HIGH);
  }
}
