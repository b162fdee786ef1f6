package io.ltvengine.registry;

import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LifecycleSegment;
import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.SalesChannel;
import java.time.Instant;
import java.util.List;

/** Sample records of the generated classes. */
final class AvroTestData {

  static final Instant PLACED_AT = Instant.parse("2026-03-01T10:15:30Z");

  private AvroTestData() {}

  /** An order with every optional field set and two line items. */
  static Order fullOrder() {
    return Order.newBuilder()
        .setOrderId("o-1001")
        .setCustomerId("c-42")
        .setEventTime(PLACED_AT)
        .setType(OrderType.PURCHASE)
        .setAmountMinor(12_990)
        .setCurrency("EUR")
        .setMarginMinor(3_100L)
        .setCostMinor(9_890L)
        .setLineItems(List.of(
            new LineItem("sku-1", "shoes", 1, 9_990L),
            new LineItem("sku-2", "socks", 3, 1_000L)))
        .setChannel(SalesChannel.MOBILE_APP)
        .setEventId("e-7")
        .setShopId("shop-de")
        .build();
  }

  /** A refund with no optional field set and no line items. */
  static Order bareOrder() {
    return Order.newBuilder()
        .setOrderId("o-1002")
        .setCustomerId("c-43")
        .setEventTime(PLACED_AT)
        .setType(OrderType.REFUND)
        .setAmountMinor(500)
        .setCurrency("USD")
        .build();
  }

  /** A customer with the model-dependent fields set when {@code withModel}, null otherwise. */
  static CustomerLtv customerLtv(boolean withModel) {
    CustomerLtv.Builder builder = CustomerLtv.newBuilder()
        .setCustomerId("c-42")
        .setAsOf(PLACED_AT)
        .setCurrency("EUR")
        .setOrders(3)
        .setRefunds(1)
        .setGrossRevenueMinor(40_000)
        .setRefundedMinor(2_000)
        .setNetRevenueMinor(38_000)
        .setFirstPurchaseAt(PLACED_AT.minusSeconds(86_400 * 90))
        .setLastPurchaseAt(PLACED_AT)
        .setTenureDays(90.0)
        .setRecencyDays(0.0)
        .setAverageOrderValue(126.67)
        .setPurchaseFrequencyPerYear(12.2)
        .setExpectedLifespanYears(2.5)
        .setHistoricalLtv(3_863.4)
        .setExpectedGapDays(30.0)
        .setChurnRiskTier(ChurnRiskTier.LOW)
        .setSegment(LifecycleSegment.ACTIVE)
        .setAcquisitionMonth("2025-12");
    if (withModel) {
      builder.setMarginMinor(9_000L).setMarginLtv(900.5).setMeanGapDays(45.0).setGapStdDevDays(4.2)
          .setFirstCategory("shoes").setTopCategory("shoes").setPAlive(0.93)
          .setExpectedPurchases(4.1).setExpectedAvgSpend(120.0).setPredictedClv(492.0)
          .setModelName("bgnbd").setModelVersion(7L);
    }
    return builder.build();
  }
}
