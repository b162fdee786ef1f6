package io.ltvengine.config;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;

import io.ltvengine.valuation.CurrencyConverter;
import java.util.Currency;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/**
 * Every engine setting with its type, default, valid values and meaning, in Kafka's own
 * {@link ConfigDef}: the one source of {@link LtvConfig}, {@code run --help} and the README table.
 */
final class EngineConfigDef {

  private EngineConfigDef() {}

  static ConfigDef create() {
    ConfigDef def = new ConfigDef();
    topics(def);
    validation(def);
    value(def);
    churn(def);
    model(def);
    resources(def);
    return def;
  }

  private static void topics(ConfigDef def) {
    topic(def, LtvConfig.TOPIC_ORDERS, "orders", "Input topic of order events (Avro, keyed by customer id).");
    topic(def, LtvConfig.TOPIC_LTV, "customer-ltv", "Compacted output topic of LTV updates.");
    topic(def, LtvConfig.TOPIC_ALERTS, "churn-alerts", "Output topic of churn-risk and reactivation events.");
    topic(def, LtvConfig.TOPIC_DLQ, "orders-dlq", "Dead-letter topic for records that cannot be used.");
    topic(def, LtvConfig.TOPIC_MODEL, "ltv-model", "Compacted topic of published model parameters.");
    topic(def, LtvConfig.TOPIC_COHORTS, "ltv-cohorts", "Compacted output topic of cohort aggregates.");
    topic(def, LtvConfig.TOPIC_COHORT_DELTAS, "ltv-cohort-deltas",
        "Topic that repartitions cohort changes by cohort cell for aggregation.");
    topic(def, LtvConfig.TOPIC_AUDIENCES, "ltv-audiences",
        "Output topic of audience changes: a customer joined or left a segment, risk tier or value tier.");
    topic(def, LtvConfig.TOPIC_SEGMENTS, "ltv-segments",
        "Compacted output topic of customers, net revenue and value per segment, risk tier and value tier.");
    topic(def, LtvConfig.TOPIC_SEGMENT_SHARES, "ltv-segment-shares",
        "Topic that brings each task's segment counts to the task summing their cell.");
    def.define(LtvConfig.TOPICS_CREATE, Type.BOOLEAN, true, MEDIUM,
        "Create missing topics at start-up (compacted where the data is a latest value).");
    def.define(LtvConfig.TOPICS_PARTITIONS, Type.INT, 6, Range.atLeast(1), MEDIUM,
        "Partitions of topics created at start-up; the engine scales to this many instances.");
    def.define(LtvConfig.TOPICS_REPLICATION, Type.INT, -1, replicationFactor(), MEDIUM,
        "Replication factor of created topics; -1 takes the broker default.");
  }

  private static void topic(ConfigDef def, String key, String defaultName, String doc) {
    def.define(key, Type.STRING, defaultName, new ConfigDef.NonEmptyStringWithoutControlChars(), HIGH, doc);
  }

  private static void validation(ConfigDef def) {
    def.define(LtvConfig.REPORTING_CURRENCY, Type.STRING, "EUR", isoCurrency(), HIGH,
        "Currency of all outputs; orders in another currency need a rate.");
    def.define(LtvConfig.FX_RATES, Type.STRING, "", rates(), HIGH,
        "Conversion rates to the reporting currency, e.g. USD:0.92,GBP:1.17; every rate positive.");
    def.define(LtvConfig.MAX_ORDER_AMOUNT, Type.LONG, 1_000_000L, Range.atLeast(1), MEDIUM,
        "Largest plausible order amount in major units; larger ones go to the DLQ.");
    def.define(LtvConfig.MAX_FUTURE_SKEW, Type.LONG, 60L, Range.atLeast(0), LOW,
        "How far in the future of the broker timestamp an event time may lie, in minutes.");
    def.define(LtvConfig.MAX_LINE_ITEMS, Type.INT, 500, Range.between(1, 100_000), LOW,
        "Most line items an order may have; larger ones go to the DLQ.");
    def.define(LtvConfig.MAX_ID_LENGTH, Type.INT, 128, Range.between(8, 4096), LOW,
        "Longest customer, order or event id and category name, in characters; longer ones go to the DLQ.");
    def.define(LtvConfig.LINE_TOTAL_TOLERANCE, Type.DOUBLE, 0.5, Range.between(0.0, 10.0), LOW,
        "How far the line items' total may lie from the order amount, as a share of the amount "
            + "(discounts, shipping and taxes); further ones go to the DLQ.");
    def.define(LtvConfig.DLQ_BREAKER_WINDOW, Type.INT, 1000, Range.atLeast(10), LOW,
        "Window, in records, over which the dead-letter breaker counts each reason.");
    def.define(LtvConfig.DLQ_BREAKER_MAX_SHARE, Type.DOUBLE, 0.5, Range.between(0.01, 1.0), MEDIUM,
        "When one dead-letter reason takes more than this share of a window (and at least a tenth of it), the engine "
            + "stops and reports unhealthy instead of draining its input into the dead letters; 1 never trips.");
    def.define(LtvConfig.DEDUP_RETENTION, Type.DOUBLE, 30.0, positive(), MEDIUM,
        "How long a resent order event is recognised, in days of the customer's own event time after it was first seen.");
    def.define(LtvConfig.DEDUP_MAX_EVENTS, Type.INT, 32, Range.between(1, 1024), LOW,
        "At most this many of a customer's latest events are remembered, bounding the state of the busiest buyers.");
  }

  private static void value(ConfigDef def) {
    def.define(LtvConfig.ANNUAL_CHURN_RATE, Type.DOUBLE, 0.3, Range.between(0.001, 1.0), MEDIUM,
        "Annual churn rate of the classic historical LTV (lifespan = 1 / rate).");
    def.define(LtvConfig.MIN_TENURE_DAYS, Type.DOUBLE, 365.0, positive(), LOW,
        "Shortest observation span used for purchase frequency, so new customers are not extrapolated.");
  }

  private static void churn(ConfigDef def) {
    def.define(LtvConfig.DEFAULT_GAP_DAYS, Type.DOUBLE, 30.0, positive(), MEDIUM,
        "Expected gap between purchases before enough of the population has been seen, in days.");
    def.define(LtvConfig.MIN_POPULATION_GAPS, Type.LONG, 100L, Range.atLeast(0), LOW,
        "Observed gaps needed before the population rhythm replaces the default.");
    def.define(LtvConfig.GAP_MULTIPLIER, Type.DOUBLE, 2.0, Range.between(1.0, 100.0), MEDIUM,
        "A customer is quiet when silent for this many expected gaps...");
    def.define(LtvConfig.GAP_STDDEV_MULTIPLIER, Type.DOUBLE, 2.0, Range.between(0.0, 100.0), MEDIUM,
        "...or this many standard deviations above their mean gap, whichever is longer.");
    def.define(LtvConfig.MIN_QUIET_DAYS, Type.DOUBLE, 7.0, Range.atLeast(0.0), MEDIUM,
        "Never alert before this many quiet days.");
    def.define(LtvConfig.CHECK_INTERVAL, Type.LONG, 60L, Range.atLeast(1), MEDIUM,
        "How often the churn punctuator looks for customers that are due, in seconds.");
    def.define(LtvConfig.COHORT_FLUSH_INTERVAL, Type.LONG, 60L, Range.atLeast(1), LOW,
        "How often each task sends its summed cohort changes to the cohort table, in seconds; "
            + "under exactly-once each flush holds one commit back by 100-300 ms.");
    def.define(LtvConfig.SEGMENT_FLUSH_INTERVAL, Type.LONG, 10L, Range.atLeast(1), LOW,
        "How often each task sends the segment cells its customers moved to the ltv-segments totals, in seconds.");
    def.define(LtvConfig.SEGMENT_WALK_BATCH, Type.INT, 5_000, Range.atLeast(1), LOW,
        "Customers a task's ranking walk reads per second; a walk over N customers takes N / this seconds, "
            + "after which value tiers and RFM quintiles follow the customers' latest values.");
    def.define(LtvConfig.TIME_MODE, Type.STRING, LtvConfig.WALL_CLOCK, ValidString.in(LtvConfig.WALL_CLOCK, LtvConfig.STREAM_TIME), HIGH,
        "wall-clock in production; stream-time to replay history.");
    def.define(LtvConfig.BACKLOG_TOLERANCE, Type.LONG, 60L, Range.atLeast(0), LOW,
        "On the wall clock, no customer is judged while the task processes orders older than this many minutes: "
            + "their later orders may still be in the backlog.");
    def.define(LtvConfig.MAX_CHECKS_PER_PUNCTUATION, Type.INT, 10_000, Range.atLeast(1), LOW,
        "Bound on customers examined per punctuation, so one punctuation never stalls processing.");
  }

  private static void model(ConfigDef def) {
    def.define(LtvConfig.ALERT_RULE, Type.STRING, LtvConfig.EXPECTED_PRECISION,
        ValidString.in(LtvConfig.EXPECTED_PRECISION, LtvConfig.P_ALIVE), HIGH,
        "How the fitted model turns a quiet customer HIGH risk and alerts: expected-precision, once the probability "
            + "of no purchase within churn.alert.horizon.days reaches churn.alert.precision; or p-alive, once "
            + "P(alive) falls below model.palive.high.risk.");
    def.define(LtvConfig.ALERT_PRECISION, Type.DOUBLE, 0.8, Range.between(0.01, 1.0), HIGH,
        "Expected precision of the churn alerts: a customer is alerted once the model gives at least this "
            + "probability that they make no purchase within churn.alert.horizon.days.");
    def.define(LtvConfig.ALERT_MEDIUM_PROBABILITY, Type.DOUBLE, 0.5, Range.between(0.0, 1.0), MEDIUM,
        "Probability of no purchase within churn.alert.horizon.days from which a customer is MEDIUM risk; "
            + "at most churn.alert.precision.");
    def.define(LtvConfig.ALERT_HORIZON_DAYS, Type.DOUBLE, 90.0, Range.between(1.0, 3_650.0), HIGH,
        "The window of the churn probability and the alerts: no purchase within this many days.");
    def.define(LtvConfig.PALIVE_HIGH_RISK, Type.DOUBLE, 0.3, Range.between(0.0, 1.0), MEDIUM,
        "With churn.alert.rule=p-alive: P(alive) below which a customer is HIGH risk and an alert fires.");
    def.define(LtvConfig.PALIVE_MEDIUM_RISK, Type.DOUBLE, 0.6, Range.between(0.0, 1.0), LOW,
        "With churn.alert.rule=p-alive: P(alive) below which a customer is MEDIUM risk; at least model.palive.high.risk.");
    def.define(LtvConfig.MODEL_NAME, Type.STRING, "bgnbd", ValidString.in("bgnbd", "pareto-nbd", "mbgnbd"), HIGH,
        "Purchase model used from ltv-model: bgnbd, pareto-nbd or mbgnbd.");
    def.define(LtvConfig.HORIZON_DAYS, Type.DOUBLE, 365.0, Range.between(1.0, 36_525.0), MEDIUM,
        "Horizon of expected purchases and predicted CLV, in days.");
    def.define(LtvConfig.DISCOUNT_RATE, Type.DOUBLE, 0.1, Range.between(0.0, 10.0), MEDIUM,
        "Annual discount rate of predicted CLV.");
  }

  private static void resources(ConfigDef def) {
    def.define(LtvConfig.HEALTH_STALL_TIMEOUT, Type.LONG, 120L, Range.atLeast(1), MEDIUM,
        "/health turns unhealthy when records wait on a partition and none was processed for this many seconds.");
    def.define(LtvConfig.HEALTH_MAX_REPLACEMENTS, Type.INT, 3, Range.atLeast(1), MEDIUM,
        "/health turns unhealthy when this many stream threads failed and were replaced within the window below.");
    def.define(LtvConfig.HEALTH_REPLACEMENT_WINDOW, Type.LONG, 10L, Range.atLeast(1), LOW,
        "Window of the thread replacement count, in minutes.");
    def.define(LtvConfig.ROCKSDB_MEMORY, Type.LONG, 268_435_456L, Range.atLeast(16L << 20), MEDIUM,
        "Off-heap bytes for all RocksDB stores of the process, block cache and memtables together.");
    def.define(LtvConfig.HTTP_PORT, Type.INT, 8080, Range.between(0, 65_535), MEDIUM,
        "Port of the query API, metrics and dashboard; 0 disables it.");
    def.define(LtvConfig.HTTP_ADVERTISED_HOST, Type.STRING, "localhost", new ConfigDef.NonEmptyStringWithoutControlChars(), MEDIUM,
        "Host name other instances use to reach this one's API (with http.port).");
    def.define(LtvConfig.HTTP_BIND_ADDRESS, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyStringWithoutControlChars(), HIGH,
        "Address the API listens on: 0.0.0.0 for every interface (other instances and the container's health check "
            + "need it), 127.0.0.1 for this machine only.");
    def.define(LtvConfig.HTTP_API_KEYS, Type.PASSWORD, "", HIGH,
        "Comma-separated API keys; when set, every data endpoint asks for Authorization: Bearer KEY, and "
            + "instances send the first key to each other. /health, /ready and the dashboard's files stay open.");
    def.define(LtvConfig.HTTP_MAX_CONCURRENT_QUERIES, Type.INT, 16, Range.between(1, 40), LOW,
        "Queries answered at once; health and readiness never wait behind them, and other instances' requests "
            + "have a queue of their own with the same limits.");
    def.define(LtvConfig.HTTP_MAX_QUEUED_QUERIES, Type.INT, 64, Range.atLeast(0), LOW,
        "Queries waiting beyond those; more are answered 503 with Retry-After.");
    def.define(LtvConfig.HTTP_IDLE_TIMEOUT, Type.LONG, 10_000L, Range.atLeast(100), LOW,
        "A connection that sends nothing for this long is closed, a request whose headers never end too, in ms.");
    def.define(LtvConfig.QUERY_MAX_LAG_OFFSETS, Type.LONG, 10_000L, Range.atLeast(0), MEDIUM,
        "While a customer's owner cannot answer (it restores, rebalances or is gone), a standby or restoring copy "
            + "answers if it is at most this many changelog offsets behind, and says how far in X-LTV-Lag-Offsets; "
            + "0 answers only from up-to-date copies.");
  }

  private static ConfigDef.Validator positive() {
    return ConfigDef.LambdaValidator.with(
        (key, value) -> {
          if (value instanceof Number number && !(number.doubleValue() > 0 && Double.isFinite(number.doubleValue()))) {
            throw new ConfigException(key, value, "must be a positive number");
          }
        },
        () -> "> 0");
  }

  private static ConfigDef.Validator replicationFactor() {
    return ConfigDef.LambdaValidator.with(
        (key, value) -> {
          int factor = (Integer) value;
          if (factor == 0 || factor < -1 || factor > Short.MAX_VALUE) {
            throw new ConfigException(key, value, "must be -1 (the broker default) or at least 1");
          }
        },
        () -> "-1 or [1,...]");
  }

  private static ConfigDef.Validator isoCurrency() {
    return ConfigDef.LambdaValidator.with(
        (key, value) -> {
          try {
            Currency.getInstance(String.valueOf(value).trim());
          } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, "not an ISO 4217 currency code");
          }
        },
        () -> "ISO 4217 code");
  }

  private static ConfigDef.Validator rates() {
    return ConfigDef.LambdaValidator.with(
        (key, value) -> {
          try {
            CurrencyConverter.parseRates(String.valueOf(value));
          } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, e.getMessage());
          }
        },
        () -> "CODE:RATE,... with RATE > 0");
  }

}
