package io.ltvengine.valuation;

import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import java.util.HashMap;
import java.util.List;
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
  private final OrderRules.Shape shape;

  public OrderValidator(CurrencyConverter currency, OrderRules rules) {
    this.currency = currency;
    this.maxAmountMinor = Math.multiplyExact(rules.maxAmountMajor(), currency.minorPerMajor());
    this.maxFutureSkewMillis = rules.maxFutureSkew().toMillis();
    this.shape = rules.shape();
  }

  /**
   * @param key the record key, which must be the customer id so that a customer's orders share a
   *     partition and their state
   * @param order the record value; null for a tombstone, which is no order
   * @param recordTimestamp the record's own timestamp, against which the event time is judged
   */
  public OrderFacts validate(String key, Order order, long recordTimestamp) {
    require(order != null, RejectReason.TOMBSTONE, () -> "a record without a value is no order");
    String customerId = identity(order);
    require(customerId.equals(key), RejectReason.KEY_MISMATCH, () -> "record key must be the customer id");
    require(CustomerLedger.isSupported(order.getType()), RejectReason.UNKNOWN_TYPE, () -> "type " + order.getType());
    long eventTime = order.getEventTime().toEpochMilli();
    require(eventTime > 0, RejectReason.INVALID_TIMESTAMP, () -> "event time " + eventTime);
    require(
        eventTime <= recordTimestamp + maxFutureSkewMillis,
        RejectReason.FUTURE_TIMESTAMP,
        () -> "event time " + order.getEventTime() + " is ahead of the record time " + recordTimestamp);
    long amount = toReporting(order.getAmountMinor(), order.getCurrency());
    require(amount <= maxAmountMinor, RejectReason.ABSURD_AMOUNT, () -> "amount " + order.getAmountMinor());
    Map<String, Long> categorySpend = categorySpend(order, amount);
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

  /** The customer id, once the order's ids are present and of a sensible length. */
  private String identity(Order order) {
    String customerId = order.getCustomerId();
    require(customerId != null && !customerId.isBlank(), RejectReason.MISSING_CUSTOMER_ID, () -> "no customer id");
    require(!order.getOrderId().isBlank(), RejectReason.MISSING_ORDER_ID, () -> "no order id");
    requireShortId(customerId, "customer id");
    requireShortId(order.getOrderId(), "order id");
    if (order.getEventId() != null) {
      requireShortId(order.getEventId(), "event id");
    }
    return customerId;
  }

  private void requireShortId(String id, String what) {
    require(id.length() <= shape.maxIdLength(), RejectReason.ABSURD_SIZE,
        () -> what + " of " + id.length() + " characters, at most " + shape.maxIdLength());
  }

  private long toReporting(long amountMinor, String currencyCode) {
    require(amountMinor >= 0, RejectReason.NEGATIVE_AMOUNT, () -> "amount " + amountMinor);
    try {
      return currency
          .toReportingMinor(amountMinor, currencyCode)
          .orElseThrow(() -> unsupported(currencyCode));
    } catch (ArithmeticException e) {
      throw new InvalidOrderException(RejectReason.ABSURD_AMOUNT, "amount " + amountMinor + " " + currencyCode);
    } catch (IllegalArgumentException e) {
      throw unsupported(currencyCode);
    }
  }

  /** A margin lies between losing the order's amount and earning all of it. */
  private Long margin(Order order, long amount) {
    Long margin = null;
    if (order.getMarginMinor() != null) {
      margin = signedToReporting(order.getMarginMinor(), order.getCurrency());
    } else if (order.getCostMinor() != null) {
      margin = amount - toReporting(order.getCostMinor(), order.getCurrency());
    }
    Long checked = margin;
    require(checked == null || Math.abs(checked) <= amount, RejectReason.ABSURD_MARGIN,
        () -> "margin " + checked + " on an amount of " + amount);
    return margin;
  }

  /** Margins may be negative: convert the magnitude and keep the sign. */
  private long signedToReporting(long amountMinor, String currencyCode) {
    require(amountMinor != Long.MIN_VALUE, RejectReason.ABSURD_MARGIN, () -> "margin " + amountMinor);
    long magnitude = toReporting(Math.abs(amountMinor), currencyCode);
    return amountMinor < 0 ? -magnitude : magnitude;
  }

  /** Spend per category; the lines must add up to about the order's amount. */
  private Map<String, Long> categorySpend(Order order, long amount) {
    List<LineItem> items = order.getLineItems();
    require(items.size() <= shape.maxLineItems(), RejectReason.ABSURD_SIZE,
        () -> items.size() + " line items, at most " + shape.maxLineItems());
    Map<String, Long> spend = new HashMap<>();
    long total = 0;
    for (LineItem item : items) {
      requireShortId(item.getCategory(), "category");
      long line = toReporting(lineTotal(item), order.getCurrency());
      total = addWithinAmounts(total, line);
      spend.merge(item.getCategory(), line, Long::sum);
    }
    long lines = total;
    require(items.isEmpty() || Math.abs(lines - amount) <= shape.lineTotalTolerance() * amount,
        RejectReason.LINE_TOTAL_MISMATCH, () -> "line items total " + lines + " against an amount of " + amount);
    return spend;
  }

  private static long lineTotal(LineItem item) {
    require(item.getQuantity() >= 0, RejectReason.NEGATIVE_AMOUNT, () -> "quantity " + item.getQuantity());
    try {
      return Math.multiplyExact(item.getUnitPriceMinor(), (long) item.getQuantity());
    } catch (ArithmeticException e) {
      throw new InvalidOrderException(RejectReason.ABSURD_AMOUNT,
          "unit price " + item.getUnitPriceMinor() + " x quantity " + item.getQuantity() + " overflows");
    }
  }

  private long addWithinAmounts(long total, long line) {
    require(line <= maxAmountMinor && total + line <= 2 * maxAmountMinor, RejectReason.ABSURD_AMOUNT,
        () -> "line items adding up past " + 2 * maxAmountMinor);
    return total + line;
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
