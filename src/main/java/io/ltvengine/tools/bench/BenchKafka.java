package io.ltvengine.tools.bench;

import io.ltvengine.avro.Order;
import io.ltvengine.streams.RegistryAvroSerdes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.Node;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;

/** The cluster and registry a benchmark runs against, and the few admin questions it asks. */
final class BenchKafka implements AutoCloseable {

  /** One in-memory registry for the whole run: producer, baseline, peer and engine share it. */
  static final String REGISTRY_URL = "mock://ltv-bench";

  private final String bootstrapServers;
  private final Admin admin;
  private final RegistryAvroSerdes serdes;

  BenchKafka(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.serdes = new RegistryAvroSerdes(registryConfig());
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  static Map<String, Object> registryConfig() {
    return Map.of("schema.registry.url", REGISTRY_URL);
  }

  Serde<Order> orderSerde() {
    return serdes.valueSerde(Order.class);
  }

  Properties clientProperties() {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return properties;
  }

  KafkaProducer<String, Order> orderProducer(int lingerMs) {
    Properties properties = clientProperties();
    properties.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return new KafkaProducer<>(properties, new StringSerializer(), orderSerde().serializer());
  }

  /** Creates the topic and waits until the broker serves its metadata, so clients can use it. */
  void createTopic(String name, int partitions) throws ExecutionException, InterruptedException {
    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    while (!admin.listTopics().names().get().contains(name)) {
      Thread.sleep(10);
    }
  }

  List<TopicPartition> partitions(String topic) throws ExecutionException, InterruptedException {
    return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
  }

  Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> latest =
        partitions(topic).stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }

  /**
   * Bytes the brokers hold for an application's changelog topics, counting each partition once
   * however many replicas it has: what a restore of all its state reads.
   */
  long changelogBytes(String applicationId) throws ExecutionException, InterruptedException {
    List<Integer> brokers =
        admin.describeCluster().nodes().get().stream().map(Node::id).toList();
    Map<TopicPartition, Long> largestReplica = new HashMap<>();
    admin.describeLogDirs(brokers).allDescriptions().get().values().stream()
        .flatMap(dirs -> dirs.values().stream())
        .flatMap(dir -> dir.replicaInfos().entrySet().stream())
        .filter(replica -> isChangelog(applicationId, replica.getKey().topic()))
        .forEach(replica -> largestReplica.merge(replica.getKey(), replica.getValue().size(), Math::max));
    return largestReplica.values().stream().mapToLong(Long::longValue).sum();
  }

  private static boolean isChangelog(String applicationId, String topic) {
    return topic.startsWith(applicationId + "-") && topic.endsWith("-changelog");
  }

  /** Whether the group has committed every offset up to {@code end}: its output is complete. */
  boolean committedUpTo(String groupId, Map<TopicPartition, Long> end)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    return end.entrySet().stream()
        .allMatch(e -> e.getValue() == 0
            || committed.get(e.getKey()) != null
                && committed.get(e.getKey()).offset() >= e.getValue());
  }

  @Override
  public void close() {
    admin.close();
  }
}
