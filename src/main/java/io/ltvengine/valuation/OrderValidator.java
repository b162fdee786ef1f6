package io.ltvengine.valuation;

import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks that an order can be trusted and converts it to the reporting currency. Anything that
 * would corrupt a customer's value is rejected with a reason, for the dead-letter topic.
 */
public final class OrderValidator {

  private final CurrencyConverter currency;
  private final long maxAmountMinor;
  private final long maxFutureSkewMillis;

  public OrderValidator(CurrencyConverter currency, OrderRules rules) {
    this.currency = currency;
    this.maxAmountMinor = Math.multiplyExact(rules.maxAmountMajor(), currency.minorPerMajor());
    this.maxFutureSkewMillis = rules.maxFutureSkew().toMillis();
  }

  /**
   * @param key the record key, which must be the customer id so that a customer's orders share a
   *     partition and their state
   * @param recordTimestamp the record's own timestamp, against which the event time is judged
   */
  public OrderFacts validate(String key, Order order, long recordTimestamp) {
    String customerId = order.getCustomerId();
    require(customerId != null && !customerId.isBlank(), RejectReason.MISSING_CUSTOMER_ID, () -> "no customer id");
    require(customerId.equals(key), RejectReason.KEY_MISMATCH, () -> "record key must be the customer id");
    require(!order.getOrderId().isBlank(), RejectReason.MISSING_ORDER_ID, () -> "no order id");
    require(CustomerLedger.isSupported(order.getType()), RejectReason.UNKNOWN_TYPE, () -> "type " + order.getType());
    long eventTime = order.getEventTime().toEpochMilli();
    require(eventTime > 0, RejectReason.INVALID_TIMESTAMP, () -> "event time " + eventTime);
    require(
        eventTime <= recordTimestamp + maxFutureSkewMillis,
        RejectReason.FUTURE_TIMESTAMP,
        () -> "event time " + order.getEventTime() + " is ahead of the record time " + recordTimestamp);
    long amount = toReporting(order.getAmountMinor(), order.getCurrency());
    require(amount <= maxAmountMinor, RejectReason.ABSURD_AMOUNT, () -> "amount " + order.getAmountMinor());
    Map<String, Long> categorySpend = categorySpend(order);
    return new OrderFacts(
        order.getOrderId(),
        dedupKey(order),
        customerId,
        eventTime,
        order.getType(),
        amount,
        margin(order, amount),
        categorySpend,
        mainCategory(categorySpend),
        order.getChannel());
  }

  private long toReporting(long amountMinor, String currencyCode) {
    require(amountMinor >= 0, RejectReason.NEGATIVE_AMOUNT, () -> "amount " + amountMinor);
    try {
      return currency
          .toReportingMinor(amountMinor, currencyCode)
          .orElseThrow(() -> unsupported(currencyCode));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw unsupported(currencyCode);
    }
  }

  private Long margin(Order order, long amount) {
    if (order.getMarginMinor() != null) {
      return signedToReporting(order.getMarginMinor(), order.getCurrency());
    }
    if (order.getCostMinor() != null) {
      return amount - toReporting(order.getCostMinor(), order.getCurrency());
    }
    return null;
  }

  /** Margins may be negative: convert the magnitude and keep the sign. */
  private long signedToReporting(long amountMinor, String currencyCode) {
    long magnitude = toReporting(Math.abs(amountMinor), currencyCode);
    return amountMinor < 0 ? -magnitude : magnitude;
  }

  private Map<String, Long> categorySpend(Order order) {
    Map<String, Long> spend = new HashMap<>();
    for (LineItem item : order.getLineItems()) {
      require(item.getQuantity() >= 0, RejectReason.NEGATIVE_AMOUNT, () -> "quantity " + item.getQuantity());
      long line = toReporting(Math.multiplyExact(item.getUnitPriceMinor(), (long) item.getQuantity()), order.getCurrency());
      spend.merge(item.getCategory(), line, Long::sum);
    }
    return spend;
  }

  private static String mainCategory(Map<String, Long> categorySpend) {
    String main = null;
    long best = -1;
    for (Map.Entry<String, Long> entry : categorySpend.entrySet()) {
      if (entry.getValue() > best || (entry.getValue() == best && entry.getKey().compareTo(main) < 0)) {
        main = entry.getKey();
        best = entry.getValue();
      }
    }
    return main;
  }

  /** Duplicates repeat the order id and type; several refunds of one order differ by event id. */
  static String dedupKey(Order order) {
    String key = order.getOrderId() + '|' + order.getType();
    return order.getEventId() == null ? key : key + '|' + order.getEventId();
  }

  private static InvalidOrderException unsupported(String currencyCode) {
    return new InvalidOrderException(
        RejectReason.UNSUPPORTED_CURRENCY, "no rate for currency " + currencyCode);
  }

  private static void require(boolean condition, RejectReason reason, Supplier<String> message) {
    if (!condition) {
      throw new InvalidOrderException(reason, message.get());
    }
  }
}
