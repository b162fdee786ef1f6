package io.ltvengine.faults;

import io.ltvengine.app.LtvApplication;
import io.ltvengine.config.LtvConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Engine settings of the fault tests, and in-process engines started from them. */
public final class FaultSettings {

  private FaultSettings() {}

  /**
   * Exactly-once (the default) with settings that make failover quick in a test: a dead member
   * leaves the group after 6 s rather than 45 s, commits every 100 ms, churn checks every second.
   */
  public static Map<String, String> engine(String bootstrapServers, String registryUrl, String applicationId) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("bootstrap.servers", bootstrapServers);
    settings.put("schema.registry.url", registryUrl);
    settings.put("application.id", applicationId);
    settings.put("state.dir", newStateDir());
    settings.put("processing.guarantee", "exactly_once_v2");
    settings.put("topics.partitions", "4");
    settings.put("http.port", "0");
    settings.put("commit.interval.ms", "100");
    settings.put("session.timeout.ms", "6000");
    settings.put("heartbeat.interval.ms", "1000");
    settings.put("churn.check.interval.seconds", "1");
    settings.put("currency.rates", ShopHistory.RATES);
    return settings;
  }

  /** Every topic of the engine named with {@code prefix}, so two engines share a broker. */
  public static Map<String, String> topicsPrefixed(String prefix) {
    Map<String, String> topics = new LinkedHashMap<>();
    for (String topic : List.of(LtvConfig.TOPIC_ORDERS, LtvConfig.TOPIC_LTV, LtvConfig.TOPIC_ALERTS,
        LtvConfig.TOPIC_DLQ, LtvConfig.TOPIC_MODEL, LtvConfig.TOPIC_COHORTS, LtvConfig.TOPIC_COHORT_DELTAS)) {
      topics.put(topic, prefix + LtvConfig.defaults().getString(topic));
    }
    return topics;
  }

  /** A started in-process engine. */
  public static LtvApplication startInProcess(Map<String, String> settings) throws InterruptedException {
    Properties properties = new Properties();
    properties.putAll(settings);
    LtvConfig config = new LtvConfig(properties);
    LtvApplication application = new LtvApplication(config, config.defaultClock(), new SimpleMeterRegistry());
    application.start();
    return application;
  }

  public static String newStateDir() {
    try {
      return Files.createTempDirectory("ltv-faults-state-").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
