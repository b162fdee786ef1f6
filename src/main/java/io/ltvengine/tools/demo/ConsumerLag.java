package io.ltvengine.tools.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How many orders the engine has yet to commit: end offsets of the input less its group's commits. */
final class ConsumerLag implements AutoCloseable {

  /** Short, so that a slow answer costs the live line its lag figure, not its rhythm. */
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final Admin admin;
  private final String groupId;
  private final String topic;

  ConsumerLag(String bootstrapServers, String groupId, String topic) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.groupId = groupId;
    this.topic = topic;
  }

  /** The current lag, or empty when the broker did not answer in time. */
  OptionalLong current() {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(
              TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic))
          .allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions()
          .stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      long lag = ends.entrySet().stream()
          .mapToLong(end -> end.getValue().offset() - committedOffset(committed, end.getKey()))
          .sum();
      return OptionalLong.of(lag);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    } catch (ExecutionException | TimeoutException e) {
      return OptionalLong.empty();
    }
  }

  private static long committedOffset(
      Map<TopicPartition, OffsetAndMetadata> committed, TopicPartition partition) {
    OffsetAndMetadata offset = committed.get(partition);
    return offset == null ? 0 : offset.offset();
  }

  @Override
  public void close() {
    admin.close(TIMEOUT);
  }
}
