package io.ltvengine.app.service;

import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the engine's topics that do not exist yet. Latest-value topics are compacted so that a
 * consumer starting from the beginning reads each customer's current record.
 */
public final class TopicProvisioner {

  private static final Map<String, String> COMPACTED =
      Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

  private static final Duration SERVED_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SERVED_RETRY = Duration.ofMillis(100);

  private TopicProvisioner() {}

  public static void ensureTopics(Properties clientProperties, LtvConfig config, Topics topics)
      throws InterruptedException {
    int partitions = config.getInt(LtvConfig.TOPICS_PARTITIONS);
    Optional<Short> replication = replication(config);
    List<NewTopic> wanted =
        List.of(
            new NewTopic(topics.orders().name(), Optional.of(partitions), replication),
            new NewTopic(topics.customerLtv().name(), Optional.of(partitions), replication).configs(COMPACTED),
            new NewTopic(topics.churnAlerts().name(), Optional.of(partitions), replication),
            new NewTopic(topics.deadLetter(), Optional.of(partitions), replication),
            new NewTopic(topics.model().name(), Optional.of(1), replication).configs(COMPACTED),
            new NewTopic(topics.cohortDeltas().name(), Optional.of(partitions), replication),
            new NewTopic(topics.cohorts().name(), Optional.of(partitions), replication).configs(COMPACTED),
            new NewTopic(topics.audiences().name(), Optional.of(partitions), replication),
            new NewTopic(topics.segmentShares().name(), Optional.of(partitions), replication),
            new NewTopic(topics.segments().name(), Optional.of(partitions), replication).configs(COMPACTED));
    try (Admin admin = Admin.create(adminProperties(clientProperties))) {
      createMissing(admin, wanted);
      awaitServed(admin, wanted.stream().map(NewTopic::name).toList());
    }
  }

  private static void createMissing(Admin admin, List<NewTopic> wanted) throws InterruptedException {
    try {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
      admin.createTopics(missing).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Could not create the engine's topics", e.getCause());
      }
    }
  }

  /**
   * Another instance starting at the same time may have created the topics a moment ago: Kafka
   * Streams fails to start if the broker does not serve them yet (the global model store finds
   * "no partitions"), so wait until it does.
   */
  private static void awaitServed(Admin admin, List<String> names) throws InterruptedException {
    long deadline = System.nanoTime() + SERVED_TIMEOUT.toNanos();
    while (true) {
      try {
        admin.describeTopics(names).allTopicNames().get();
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw new IllegalStateException("The engine's topics are not available", e.getCause());
        }
        Thread.sleep(SERVED_RETRY.toMillis());
      }
    }
  }

  /** Only the admin client's own keys, so it does not warn about every engine setting. */
  static Properties adminProperties(Properties all) {
    Properties admin = new Properties();
    Set<String> known = AdminClientConfig.configNames();
    all.forEach((key, value) -> {
      if (known.contains(String.valueOf(key))) {
        admin.put(key, value);
      }
    });
    return admin;
  }

  private static Optional<Short> replication(LtvConfig config) {
    short factor = config.getInt(LtvConfig.TOPICS_REPLICATION).shortValue();
    return factor < 1 ? Optional.empty() : Optional.of(factor);
  }
}
