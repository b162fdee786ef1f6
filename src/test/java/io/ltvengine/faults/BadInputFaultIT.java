package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ltvengine.app.LtvApplication;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.streams.errors.DeadLetterHeaders;
import io.ltvengine.valuation.RejectReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Valid orders mixed with every kind of record the engine must refuse: each refused record lands
 * on the dead-letter topic with its reason and a pointer to its source, and no valid order is
 * lost or counted twice.
 */
class BadInputFaultIT {

  private static final int ORDERS = 3_000;
  private static final int BAD_OF_EACH_KIND = 5;
  private static final String APPLICATION_ID = "bad-input-fault-it";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** A record to send, and the reject reason expected for it (null for a valid order). */
  private record Input(String key, byte[] value, long timestamp, RejectReason reason) {}

  /** Where a refused record was sent and why it must be refused. */
  private record Rejected(int partition, long offset, String reason) {}

  @RegisterExtension
  final FaultCluster cluster = new FaultCluster();
  private LtvApplication engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void shouldDeadLetterEveryBadRecordWithItsReasonAndCountEveryValidOrderOnce() throws Exception {
    // Given a running engine and an order history with refunds and resent duplicates
    Map<String, Object> client = cluster.client();
    List<Order> history = ShopHistory.generate(ORDERS, ORDERS / 10, 11);
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      engine = FaultSettings.startInProcess(
          FaultSettings.engine(cluster.bootstrapServers(), cluster.registryUrl(), APPLICATION_ID));
      Serializer<Order> serializer = engine.topics().orders().valueSerde().serializer();

      // When bad records of every kind are sent scattered among the valid orders
      List<Input> inputs = mixed(history, badRecords(serializer, new Random(3)), serializer);
      List<Rejected> expectedRejects = send(client, inputs);

      // Then each bad record is on the dead-letter topic, pointing at its source, with its reason
      Map<String, Rejected> actualRejects = new HashMap<>();
      try (TopicReader<byte[]> dlq = new TopicReader<>(client, "orders-dlq", new ByteArrayDeserializer())) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
          dlq.poll(r -> actualRejects.put(sourceOf(r), rejected(r)));
          assertThat(actualRejects.values()).containsExactlyInAnyOrderElementsOf(expectedRejects);
        });
      }
      // And every valid order counts exactly once
      Map<String, CustomerTotals> expected = CustomerTotals.recompute(history);
      try (TopicReader<CustomerLtv> ltv = new TopicReader<>(
          client, "customer-ltv", engine.topics().customerLtv().valueSerde().deserializer())) {
        LtvCheck.assertLatestTotals(ltv, expected);
      }
      // And no partition is left behind
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);
      System.out.printf("BadInputFaultIT: %d valid orders, %d bad records dead-lettered, %d customers checked%n",
          history.size(), expectedRejects.size(), expected.size());
    }
  }

  /** {@link #BAD_OF_EACH_KIND} records of every kind the engine must refuse. */
  private static List<Input> badRecords(Serializer<Order> serializer, Random random) {
    long now = System.currentTimeMillis();
    List<Input> bad = new ArrayList<>();
    for (int i = 0; i < BAD_OF_EACH_KIND; i++) {
      String customer = "c-" + i;
      Order order = ShopHistory.purchase(customer, "bad-" + i, Instant.ofEpochMilli(now), 1_000);
      byte[] wire = serializer.serialize("orders", order);
      bad.add(new Input(customer, randomBytes(random), now, RejectReason.UNKNOWN_MAGIC_BYTE));
      bad.add(new Input(customer, withMagicByte(wire, (byte) 1), now, RejectReason.UNKNOWN_MAGIC_BYTE));
      bad.add(new Input(customer, withSchemaId(wire, 900_000 + i), now, RejectReason.UNKNOWN_SCHEMA_ID));
      bad.add(new Input(customer, Arrays.copyOf(wire, wire.length / 2), now, RejectReason.UNDESERIALIZABLE));
      bad.add(semantic(serializer, customer,
          Order.newBuilder(order).setAmountMinor(-500).build(), now, RejectReason.NEGATIVE_AMOUNT));
      bad.add(semantic(serializer, customer,
          Order.newBuilder(order).setCustomerId("").build(), now, RejectReason.MISSING_CUSTOMER_ID));
      bad.add(semantic(serializer, "c-other-" + i, order, now, RejectReason.KEY_MISMATCH));
      bad.add(semantic(serializer, customer,
          Order.newBuilder(order).setEventTime(Instant.ofEpochMilli(now).plus(Duration.ofDays(30))).build(),
          now, RejectReason.FUTURE_TIMESTAMP));
      bad.add(semantic(serializer, customer,
          Order.newBuilder(order).setCurrency("XTS").build(), now, RejectReason.UNSUPPORTED_CURRENCY));
      bad.addAll(poisonPills(serializer, customer, order, now));
    }
    return bad;
  }

  /** Records that once failed the task and stalled every partition. */
  private static List<Input> poisonPills(Serializer<Order> serializer, String customer, Order order, long now) {
    return List.of(
        new Input(customer, null, now, RejectReason.TOMBSTONE),
        semantic(serializer, customer, Order.newBuilder(order)
            .setLineItems(List.of(new LineItem("sku", "books", 1_000_000, Long.MAX_VALUE / 100))).build(),
            now, RejectReason.ABSURD_AMOUNT),
        semantic(serializer, customer, Order.newBuilder(order).setMarginMinor(9_000_000_000_000_000L).build(),
            now, RejectReason.ABSURD_MARGIN),
        semantic(serializer, customer, Order.newBuilder(order)
            .setLineItems(Collections.nCopies(10_000, new LineItem("sku", "books", 1, 0L))).build(),
            now, RejectReason.ABSURD_SIZE),
        semantic(serializer, customer, Order.newBuilder(order).setOrderId("o".repeat(400_000)).build(),
            now, RejectReason.ABSURD_SIZE),
        semantic(serializer, customer, Order.newBuilder(order)
            .setLineItems(List.of(new LineItem("sku", "books", 7, 1_000L))).build(),
            now, RejectReason.LINE_TOTAL_MISMATCH));
  }

  private static Input semantic(
      Serializer<Order> serializer, String key, Order order, long timestamp, RejectReason reason) {
    return new Input(key, serializer.serialize("orders", order), timestamp, reason);
  }

  /** Bytes that start with anything but the magic byte 0. */
  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[8 + random.nextInt(64)];
    random.nextBytes(bytes);
    bytes[0] = (byte) (1 + random.nextInt(127));
    return bytes;
  }

  private static byte[] withMagicByte(byte[] wire, byte magic) {
    byte[] copy = wire.clone();
    copy[0] = magic;
    return copy;
  }

  private static byte[] withSchemaId(byte[] wire, int schemaId) {
    byte[] copy = wire.clone();
    ByteBuffer.wrap(copy).put(1, ByteBuffer.allocate(4).putInt(schemaId).array());
    return copy;
  }

  /** The valid orders in their order, with the bad records spread among them at random places. */
  private static List<Input> mixed(List<Order> history, List<Input> bad, Serializer<Order> serializer) {
    List<Input> inputs = new ArrayList<>();
    for (Order order : history) {
      inputs.add(new Input(order.getCustomerId(), serializer.serialize("orders", order),
          order.getEventTime().toEpochMilli(), null));
    }
    Random random = new Random(5);
    for (Input input : bad) {
      inputs.add(random.nextInt(inputs.size() + 1), input);
    }
    return inputs;
  }

  /** Sends every input and returns where the bad ones landed. */
  private static List<Rejected> send(Map<String, Object> client, List<Input> inputs) throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
      for (Input input : inputs) {
        sent.add(producer.send(new ProducerRecord<>("orders", null, input.timestamp(), input.key(), input.value())));
      }
      producer.flush();
    }
    List<Rejected> rejected = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).reason() != null) {
        RecordMetadata metadata = sent.get(i).get();
        rejected.add(new Rejected(metadata.partition(), metadata.offset(), inputs.get(i).reason().code()));
      }
    }
    return rejected;
  }

  private static String sourceOf(ConsumerRecord<String, byte[]> record) {
    return header(record, "__streams.errors.partition") + "@" + header(record, "__streams.errors.offset");
  }

  /** The dead-letter record's source, as Kafka's headers name it, and its reason. */
  private static Rejected rejected(ConsumerRecord<String, byte[]> record) {
    assertThat(header(record, "__streams.errors.topic")).isEqualTo("orders");
    return new Rejected(Integer.parseInt(header(record, "__streams.errors.partition")),
        Long.parseLong(header(record, "__streams.errors.offset")), header(record, DeadLetterHeaders.REASON));
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
