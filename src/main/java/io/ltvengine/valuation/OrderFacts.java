package io.ltvengine.valuation;

import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.SalesChannel;
import java.util.Map;

/**
 * A validated order, converted to the reporting currency: what the customer ledger needs from it.
 *
 * @param dedupKey identifies the event for duplicate detection
 * @param marginMinor margin of the event, or null when the shop sent neither margin nor cost
 * @param categorySpend spend per category from the line items, possibly empty
 * @param mainCategory category with the largest spend, or null without line items
 */
public record OrderFacts(
    String orderId,
    String dedupKey,
    String customerId,
    long eventTime,
    OrderType type,
    long amountMinor,
    Long marginMinor,
    Map<String, Long> categorySpend,
    String mainCategory,
    SalesChannel channel) {}
