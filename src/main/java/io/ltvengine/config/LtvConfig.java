package io.ltvengine.config;

import io.ltvengine.valuation.ChurnRules;
import io.ltvengine.valuation.CurrencyConverter;
import io.ltvengine.valuation.AlertRule;
import io.ltvengine.valuation.EngineClock;
import io.ltvengine.valuation.HistoricalValue;
import io.ltvengine.valuation.ModelOptions;
import io.ltvengine.valuation.OrderRules;
import io.ltvengine.valuation.PopulationDefaults;
import io.ltvengine.valuation.RhythmPolicy;
import io.ltvengine.valuation.ValuationSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The engine's settings, parsed and checked once at start: every engine key is declared in
 * {@link EngineConfigDef} with its type, default and valid values. An unknown engine key or an
 * invalid value stops the start with a {@link ConfigException} naming the key; Kafka client,
 * Streams and registry keys pass through to them untouched.
 */
public final class LtvConfig extends AbstractConfig {

  public static final String TOPIC_ORDERS = "topics.orders";
  public static final String TOPIC_LTV = "topics.customer.ltv";
  public static final String TOPIC_ALERTS = "topics.churn.alerts";
  public static final String TOPIC_DLQ = "topics.dlq";
  public static final String TOPIC_MODEL = "topics.model";
  public static final String TOPIC_COHORTS = "topics.cohorts";
  public static final String TOPIC_COHORT_DELTAS = "topics.cohort.deltas";
  public static final String TOPIC_AUDIENCES = "topics.audiences";
  public static final String TOPIC_SEGMENTS = "topics.segments";
  public static final String TOPIC_SEGMENT_SHARES = "topics.segment.shares";
  public static final String TOPICS_CREATE = "topics.create";
  public static final String TOPICS_PARTITIONS = "topics.partitions";
  public static final String TOPICS_REPLICATION = "topics.replication.factor";
  public static final String REPORTING_CURRENCY = "currency.reporting";
  public static final String FX_RATES = "currency.rates";
  public static final String MAX_ORDER_AMOUNT = "validation.max.amount";
  public static final String MAX_FUTURE_SKEW = "validation.max.future.skew.minutes";
  public static final String MAX_LINE_ITEMS = "validation.max.line.items";
  public static final String MAX_ID_LENGTH = "validation.max.id.length";
  public static final String LINE_TOTAL_TOLERANCE = "validation.line.total.tolerance";
  public static final String DEDUP_RETENTION = "dedup.retention.days";
  public static final String DEDUP_MAX_EVENTS = "dedup.max.events.per.customer";
  public static final String ANNUAL_CHURN_RATE = "ltv.annual.churn.rate";
  public static final String MIN_TENURE_DAYS = "ltv.min.tenure.days";
  public static final String DEFAULT_GAP_DAYS = "churn.default.gap.days";
  public static final String MIN_POPULATION_GAPS = "churn.min.population.gaps";
  public static final String GAP_MULTIPLIER = "churn.gap.multiplier";
  public static final String GAP_STDDEV_MULTIPLIER = "churn.gap.stddev.multiplier";
  public static final String MIN_QUIET_DAYS = "churn.min.quiet.days";
  public static final String CHECK_INTERVAL = "churn.check.interval.seconds";
  public static final String COHORT_FLUSH_INTERVAL = "cohorts.flush.interval.seconds";
  public static final String SEGMENT_FLUSH_INTERVAL = "segments.flush.interval.seconds";
  public static final String SEGMENT_WALK_BATCH = "segments.walk.batch";
  public static final String TIME_MODE = "churn.time.mode";
  public static final String BACKLOG_TOLERANCE = "churn.backlog.tolerance.minutes";
  public static final String MAX_CHECKS_PER_PUNCTUATION = "churn.max.checks.per.punctuation";
  public static final String ALERT_RULE = "churn.alert.rule";
  public static final String ALERT_PRECISION = "churn.alert.precision";
  public static final String ALERT_MEDIUM_PROBABILITY = "churn.alert.medium.probability";
  public static final String ALERT_HORIZON_DAYS = "churn.alert.horizon.days";
  public static final String PALIVE_HIGH_RISK = "model.palive.high.risk";
  public static final String PALIVE_MEDIUM_RISK = "model.palive.medium.risk";
  public static final String MODEL_NAME = "model.name";
  public static final String HORIZON_DAYS = "model.horizon.days";
  public static final String DISCOUNT_RATE = "model.discount.rate.annual";
  public static final String DLQ_BREAKER_WINDOW = "dlq.breaker.window.records";
  public static final String DLQ_BREAKER_MAX_SHARE = "dlq.breaker.max.share";
  public static final String HEALTH_STALL_TIMEOUT = "health.stall.timeout.seconds";
  public static final String HEALTH_MAX_REPLACEMENTS = "health.max.thread.replacements";
  public static final String HEALTH_REPLACEMENT_WINDOW = "health.replacement.window.minutes";
  public static final String ROCKSDB_MEMORY = "rocksdb.memory.total.bytes";
  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_ADVERTISED_HOST = "http.advertised.host";
  public static final String HTTP_BIND_ADDRESS = "http.bind.address";
  public static final String HTTP_API_KEYS = "http.auth.api.keys";
  public static final String HTTP_MAX_CONCURRENT_QUERIES = "http.max.concurrent.queries";
  public static final String HTTP_MAX_QUEUED_QUERIES = "http.max.queued.queries";
  public static final String HTTP_IDLE_TIMEOUT = "http.idle.timeout.ms";
  public static final String QUERY_MAX_LAG_OFFSETS = "query.max.lag.offsets";

  public static final String EXPECTED_PRECISION = "expected-precision";
  public static final String P_ALIVE = "p-alive";
  public static final String WALL_CLOCK = "wall-clock";
  public static final String STREAM_TIME = "stream-time";

  /** The definitions, built once: they are immutable once defined. */
  public static final ConfigDef DEFINITION = EngineConfigDef.create();

  private final ValuationSettings valuation;

  public LtvConfig(Map<?, ?> properties) {
    super(DEFINITION, properties, false);
    KeyCheck.requireKnownEngineKeys(originals().keySet(), DEFINITION.names());
    requireOrdered(PALIVE_HIGH_RISK, PALIVE_MEDIUM_RISK);
    requireOrdered(ALERT_MEDIUM_PROBABILITY, ALERT_PRECISION);
    this.valuation = valuationSettings();
  }

  /** The lower threshold's key and the higher's: each tier needs its threshold at least as far. */
  private void requireOrdered(String lower, String higher) {
    if (getDouble(higher) < getDouble(lower)) {
      throw new ConfigException(higher, getDouble(higher), "must be at least " + lower + " (" + getDouble(lower) + ")");
    }
  }

  public static LtvConfig defaults() {
    return new LtvConfig(Map.of());
  }

  /** A copy with the given keys overridden. */
  public LtvConfig with(Map<String, ?> overrides) {
    Map<String, Object> merged = new HashMap<>(originals());
    merged.putAll(overrides);
    return new LtvConfig(merged);
  }

  /** What the valuation core is built from. */
  public ValuationSettings valuation() {
    return valuation;
  }

  /** The clock the engine judges by when no other is injected: Kafka's own time for the mode. */
  public EngineClock defaultClock() {
    return streamTime() ? EngineClock.streamTime() : EngineClock.kafkaTime();
  }

  public boolean streamTime() {
    return STREAM_TIME.equals(getString(TIME_MODE));
  }

  public Duration seconds(String key) {
    return Duration.ofSeconds(getLong(key));
  }

  public Duration minutes(String key) {
    return Duration.ofMinutes(getLong(key));
  }

  /** The API keys, a secret: never in a log or a message. */
  public String apiKeys() {
    Password keys = getPassword(HTTP_API_KEYS);
    return keys == null ? "" : keys.value();
  }

  /** Every property as given, engine and Kafka keys alike, for the Kafka clients. */
  public Properties properties() {
    Properties properties = new Properties();
    properties.putAll(originals());
    return properties;
  }

  private ValuationSettings valuationSettings() {
    CurrencyConverter currency =
        new CurrencyConverter(getString(REPORTING_CURRENCY), CurrencyConverter.parseRates(getString(FX_RATES)));
    return new ValuationSettings(
        new OrderRules(
            getLong(MAX_ORDER_AMOUNT),
            minutes(MAX_FUTURE_SKEW),
            new OrderRules.Shape(getInt(MAX_LINE_ITEMS), getInt(MAX_ID_LENGTH), getDouble(LINE_TOTAL_TOLERANCE)),
            days(DEDUP_RETENTION),
            getInt(DEDUP_MAX_EVENTS)),
        currency,
        new ChurnRules(
            new RhythmPolicy(getDouble(GAP_MULTIPLIER), getDouble(GAP_STDDEV_MULTIPLIER), getDouble(MIN_QUIET_DAYS)),
            new PopulationDefaults(getDouble(DEFAULT_GAP_DAYS), getLong(MIN_POPULATION_GAPS))),
        new HistoricalValue(getDouble(ANNUAL_CHURN_RATE), getDouble(MIN_TENURE_DAYS)),
        new ModelOptions(getString(MODEL_NAME), getDouble(HORIZON_DAYS), getDouble(DISCOUNT_RATE), alertRule()));
  }

  private AlertRule alertRule() {
    return P_ALIVE.equals(getString(ALERT_RULE))
        ? new AlertRule(AlertRule.Kind.P_ALIVE, getDouble(PALIVE_HIGH_RISK), getDouble(PALIVE_MEDIUM_RISK),
            getDouble(ALERT_HORIZON_DAYS))
        : new AlertRule(AlertRule.Kind.EXPECTED_PRECISION, getDouble(ALERT_PRECISION),
            getDouble(ALERT_MEDIUM_PROBABILITY), getDouble(ALERT_HORIZON_DAYS));
  }

  private Duration days(String key) {
    return Duration.ofMillis(Math.round(getDouble(key) * Duration.ofDays(1).toMillis()));
  }
}
