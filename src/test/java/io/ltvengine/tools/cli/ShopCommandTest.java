package io.ltvengine.tools.cli;

import io.ltvengine.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.tools.demo.EmbeddedKafkaBroker;
import io.ltvengine.registry.MockSchemaRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ShopCommandTest {

  @Test
  void shouldProduceOrdersIntoAnExistingCluster() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      CliRun run =
          CliRun.of(
              "shop", "--bootstrap-servers", broker.bootstrapServers(),
              "--schema-registry-url", "mock://shop-command", "--duration", "4s", "--orders-per-second", "200");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("PURCHASE=");
      assertThat(recordsOn(broker, "orders")).isPositive();
    } finally {
      MockSchemaRegistry.dropScope("shop-command");
    }
  }

  private static long recordsOn(EmbeddedKafkaBroker broker, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      List<TopicPartition> partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      Map<TopicPartition, OffsetSpec> latest =
          partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    }
  }
}
