package io.ltvengine.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ShopClockTest {

  private static final Instant SHOP_START = Instant.parse("2025-01-01T00:00:00Z");
  private static final double ONE_DAY_PER_SECOND = Duration.ofDays(1).toSeconds();

  private final AtomicLong wallNanos = new AtomicLong(123_456_789L);

  @Test
  void shouldRunOneShopDayPerWallSecondAtScale86400() {
    // Given a clock at one shop day per wall second
    ShopClock clock = ShopClock.start(SHOP_START, ONE_DAY_PER_SECOND, wallNanos::get);
    assertThat(clock.instant()).isEqualTo(SHOP_START);

    // When two and a half wall seconds pass
    wallNanos.addAndGet(Duration.ofMillis(2500).toNanos());

    // Then two and a half shop days have passed
    assertThat(clock.instant()).isEqualTo(SHOP_START.plus(Duration.ofHours(60)));
    assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
  }

  @Test
  void shouldTellTheWallTimeUntilAShopTime() {
    // Given a clock at one shop day per wall second, one wall second in
    ShopClock clock = ShopClock.start(SHOP_START, ONE_DAY_PER_SECOND, wallNanos::get);
    wallNanos.addAndGet(Duration.ofSeconds(1).toNanos());

    // Then a shop time three days after the start is two wall seconds away, and the start is past
    assertThat(clock.wallTimeUntil(SHOP_START.plus(Duration.ofDays(3))))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(clock.wallTimeUntil(SHOP_START)).isEqualTo(Duration.ofSeconds(-1));
  }

  @Test
  void shouldKeepShopTimeWhenTheZoneChanges() {
    // Given a clock that has run for a wall minute
    ShopClock clock = ShopClock.start(SHOP_START, 60, wallNanos::get);
    wallNanos.addAndGet(Duration.ofMinutes(1).toNanos());

    // When it is viewed in another zone
    var zoned = clock.withZone(ZoneId.of("Europe/Berlin"));

    // Then it reads the same instant, an hour of shop time on
    assertThat(zoned.instant()).isEqualTo(SHOP_START.plus(Duration.ofHours(1)));
    assertThat(zoned.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }

  @Test
  void shouldRejectANonPositiveTimeScale() {
    assertThatThrownBy(() -> ShopClock.start(SHOP_START, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
