package io.ltvengine.testing;

import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.SalesChannel;
import java.time.Instant;
import java.util.List;

/** Builds order events for tests: EUR, one line item, no margin unless asked. */
public final class Orders {

  private Orders() {}

  public static Order.Builder purchase(String customerId, String orderId, Instant at, long amountMinor) {
    return Order.newBuilder()
        .setOrderId(orderId)
        .setCustomerId(customerId)
        .setEventTime(at)
        .setType(OrderType.PURCHASE)
        .setAmountMinor(amountMinor)
        .setCurrency("EUR")
        .setLineItems(List.of(new LineItem("sku-1", "books", 1, amountMinor)))
        .setChannel(SalesChannel.WEB);
  }

  public static Order.Builder refund(String customerId, String orderId, Instant at, long amountMinor) {
    return purchase(customerId, orderId, at, amountMinor)
        .setType(OrderType.REFUND)
        .setLineItems(List.of());
  }

  public static Order.Builder cancellation(String customerId, String orderId, Instant at, long amountMinor) {
    return refund(customerId, orderId, at, amountMinor).setType(OrderType.CANCELLATION);
  }
}
