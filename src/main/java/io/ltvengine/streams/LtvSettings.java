package io.ltvengine.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Typed view of the application's own settings. Every key, its default and its meaning live in
 * {@link Setting}; Kafka client and Streams keys pass through untouched.
 */
public final class LtvSettings {

  /** The application's settings: key, default and the documentation shown in README and --help. */
  public enum Setting {
    TOPIC_ORDERS("topics.orders", "orders", "Input topic of order events (Avro, keyed by customer id)."),
    TOPIC_LTV("topics.customer.ltv", "customer-ltv", "Compacted output topic of LTV updates."),
    TOPIC_ALERTS("topics.churn.alerts", "churn-alerts", "Output topic of churn-risk and reactivation events."),
    TOPIC_DLQ("topics.dlq", "orders-dlq", "Dead-letter topic for records that cannot be used."),
    TOPIC_MODEL("topics.model", "ltv-model", "Compacted topic of published model parameters."),
    TOPIC_COHORTS("topics.cohorts", "ltv-cohorts", "Compacted output topic of cohort aggregates."),
    TOPIC_COHORT_DELTAS("topics.cohort.deltas", "ltv-cohort-deltas", "Topic that repartitions cohort changes by cohort cell for aggregation."),
    TOPICS_CREATE("topics.create", "true", "Create missing topics at start-up (compacted where the data is a latest value)."),
    TOPICS_PARTITIONS("topics.partitions", "6", "Partitions of topics created at start-up; the engine scales to this many instances."),
    TOPICS_REPLICATION("topics.replication.factor", "-1", "Replication factor of created topics; -1 takes the broker default."),
    REPORTING_CURRENCY("currency.reporting", "EUR", "Currency of all outputs; orders in another currency need a rate."),
    FX_RATES("currency.rates", "", "Conversion rates to the reporting currency, e.g. USD:0.92,GBP:1.17."),
    MAX_ORDER_AMOUNT("validation.max.amount", "1000000", "Largest plausible order amount in major units; larger ones go to the DLQ."),
    MAX_FUTURE_SKEW("validation.max.future.skew.minutes", "60", "How far in the future of the broker timestamp an event time may lie."),
    DEDUP_RETENTION("dedup.retention.days", "30", "How long a customer's order events are remembered to drop resent ones."),
    DEDUP_MAX_EVENTS("dedup.max.events.per.customer", "32", "At most this many of a customer's latest events are remembered, bounding the state of the busiest buyers."),
    ANNUAL_CHURN_RATE("ltv.annual.churn.rate", "0.3", "Annual churn rate of the classic historical LTV (lifespan = 1 / rate)."),
    MIN_TENURE_DAYS("ltv.min.tenure.days", "365", "Shortest observation span used for purchase frequency, so new customers are not extrapolated."),
    DEFAULT_GAP_DAYS("churn.default.gap.days", "30", "Expected gap between purchases before enough of the population has been seen."),
    MIN_POPULATION_GAPS("churn.min.population.gaps", "100", "Observed gaps needed before the population rhythm replaces the default."),
    GAP_MULTIPLIER("churn.gap.multiplier", "2.0", "A customer is quiet when silent for this many expected gaps..."),
    GAP_STDDEV_MULTIPLIER("churn.gap.stddev.multiplier", "2.0", "...or this many standard deviations above their mean gap, whichever is longer."),
    MIN_QUIET_DAYS("churn.min.quiet.days", "7", "Never alert before this many quiet days."),
    CHECK_INTERVAL("churn.check.interval.seconds", "60", "How often the churn punctuator looks for customers that are due."),
    COHORT_FLUSH_INTERVAL("cohorts.flush.interval.seconds", "60", "How often each task sends its summed cohort changes to the cohort table; under exactly-once each flush holds one commit back by 100-300 ms."),
    TIME_MODE("churn.time.mode", "wall-clock", "wall-clock in production; stream-time to replay history."),
    BACKLOG_TOLERANCE("churn.backlog.tolerance.minutes", "60", "On the wall clock, no customer is judged while the task processes orders older than this: their later orders may still be in the backlog."),
    MAX_ALERTS_PER_CHECK("churn.max.checks.per.punctuation", "10000", "Bound on customers examined per punctuation, so one punctuation never stalls processing."),
    PALIVE_HIGH_RISK("model.palive.high.risk", "0.3", "P(alive) below which a customer is HIGH risk and an alert fires."),
    PALIVE_MEDIUM_RISK("model.palive.medium.risk", "0.6", "P(alive) below which a customer is MEDIUM risk."),
    MODEL_NAME("model.name", "bgnbd", "Purchase model used from ltv-model: bgnbd, pareto-nbd or mbgnbd."),
    HORIZON_DAYS("model.horizon.days", "365", "Horizon of expected purchases and predicted CLV."),
    DISCOUNT_RATE("model.discount.rate.annual", "0.1", "Annual discount rate of predicted CLV."),
    ROCKSDB_MEMORY("rocksdb.memory.total.bytes", "268435456", "Off-heap bytes for all RocksDB stores of the process, block cache and memtables together."),
    HTTP_PORT("http.port", "8080", "Port of the query API, metrics and dashboard; 0 disables it."),
    HTTP_ADVERTISED_HOST("http.advertised.host", "localhost", "Host name other instances use to reach this one's API (with http.port).");

    private final String key;
    private final String defaultValue;
    private final String doc;

    Setting(String key, String defaultValue, String doc) {
      this.key = key;
      this.defaultValue = defaultValue;
      this.doc = doc;
    }

    public String key() {
      return key;
    }

    public String defaultValue() {
      return defaultValue;
    }

    public String doc() {
      return doc;
    }
  }

  /** How the churn punctuator tells time. */
  public enum TimeMode {
    WALL_CLOCK,
    STREAM_TIME
  }

  private final Properties properties;

  public LtvSettings(Properties properties) {
    this.properties = new Properties();
    this.properties.putAll(properties);
  }

  public static LtvSettings defaults() {
    return new LtvSettings(new Properties());
  }

  /** Returns a copy with the given keys overridden; handy in tests. */
  public LtvSettings with(Map<String, String> overrides) {
    Properties copy = new Properties();
    copy.putAll(properties);
    copy.putAll(overrides);
    return new LtvSettings(copy);
  }

  public String get(Setting setting) {
    return properties.getProperty(setting.key(), setting.defaultValue()).trim();
  }

  public double getDouble(Setting setting) {
    return Double.parseDouble(get(setting));
  }

  public long getLong(Setting setting) {
    return Long.parseLong(get(setting));
  }

  public int getInt(Setting setting) {
    return Integer.parseInt(get(setting));
  }

  public Duration getDays(Setting setting) {
    return Duration.ofMillis(Math.round(getDouble(setting) * Duration.ofDays(1).toMillis()));
  }

  public TimeMode timeMode() {
    return TimeMode.valueOf(get(Setting.TIME_MODE).toUpperCase().replace('-', '_'));
  }

  /** All properties, Kafka's and ours, for building the Streams configuration. */
  public Properties asProperties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }
}
