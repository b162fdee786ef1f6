package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import io.ltvengine.app.LtvApplication;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.Order;
import io.ltvengine.registry.SchemaRegistryClient;
import io.ltvengine.registry.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shops upgrade to a newer Order schema while the engine runs: orders written with the new schema,
 * registered under the same subject, count exactly like the old ones, without a restart.
 */
class SchemaEvolutionFaultIT {

  private static final int ORDERS = 3_000;
  private static final String APPLICATION_ID = "schema-evolution-fault-it";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final String COUPON_FIELD =
      "{\"name\":\"couponCode\",\"type\":[\"null\",\"string\"],\"default\":null}";

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
  void shouldCountOrdersOfTheOldAndTheNewerSchemaAlikeWithoutARestart() throws Exception {
    // Given a running engine that has read the first half of the history, written with the current schema
    Map<String, Object> client = cluster.client();
    List<Order> history = ShopHistory.generate(ORDERS, ORDERS / 10, 31);
    List<Order> oldHalf = history.subList(0, ORDERS / 2);
    List<Order> newHalf = history.subList(ORDERS / 2, ORDERS);
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      engine = FaultSettings.startInProcess(
          FaultSettings.engine(cluster.bootstrapServers(), cluster.registryUrl(), APPLICATION_ID));
      OrderSender.send(client, "orders", engine.topics().orders().valueSerde().serializer(), oldHalf);
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);

      // When the second half arrives written with a newer schema that has a coupon code
      Schema newer = withCouponCode(Order.SCHEMA$);
      SchemaRegistryClient registryClient =
          SchemaRegistryClients.create(Map.of("schema.registry.url", cluster.registryUrl()));
      int newerId = registryClient.register("orders-value", newer);
      assertThat(newerId).isNotEqualTo(registryClient.getId("orders-value", Order.SCHEMA$));
      sendWithSchema(client, newer, newerId, newHalf);

      // Then every order of both halves counts exactly once
      Map<String, CustomerTotals> expected = CustomerTotals.recompute(history);
      try (TopicReader<CustomerLtv> ltv = new TopicReader<>(
          client, "customer-ltv", engine.topics().customerLtv().valueSerde().deserializer())) {
        LtvCheck.assertLatestTotals(ltv, expected);
      }
      System.out.printf("SchemaEvolutionFaultIT: %d orders with the old schema, %d with schema id %d, %d customers checked%n",
          oldHalf.size(), newHalf.size(), newerId, expected.size());
    }
  }

  @Test
  void shouldWaitOutARegistryOutageWithoutLosingOrDeadLetteringAnOrder() throws Exception {
    // Given a running engine that has read the first half of the history
    Map<String, Object> client = cluster.client();
    List<Order> history = ShopHistory.generate(ORDERS, ORDERS / 10, 41);
    List<Order> oldHalf = history.subList(0, ORDERS / 2);
    List<Order> newHalf = history.subList(ORDERS / 2, ORDERS);
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      Map<String, String> settings =
          FaultSettings.engine(cluster.bootstrapServers(), cluster.registryUrl(), APPLICATION_ID);
      settings.put("health.max.thread.replacements", "2");
      engine = FaultSettings.startInProcess(settings);
      OrderSender.send(client, "orders", engine.topics().orders().valueSerde().serializer(), oldHalf);
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);

      // When the registry goes down for 30 s while orders with a schema id the engine has not seen arrive
      Schema newer = withCouponCode(Order.SCHEMA$);
      int newerId = SchemaRegistryClients.create(Map.of("schema.registry.url", cluster.registryUrl()))
          .register("orders-value", newer);
      cluster.registry().stop();
      long outageEnds = System.nanoTime() + OUTAGE.toNanos();
      sendWithSchema(client, newer, newerId, newHalf);

      // Then health says so while it lasts
      await().atMost(TIMEOUT).untilAsserted(() ->
          assertThat(engine.health().verdict().alive()).as("health during the registry outage").isFalse());
      // The outage lasts its 30 s whatever the engine does: the scenario's own length, not a guess at a delay.
      await().atMost(OUTAGE.plus(TIMEOUT)).until(() -> System.nanoTime() >= outageEnds);
      assertThat(engine.health().verdict().alive()).as("health at the end of the outage").isFalse();
      cluster.registry().restart();

      // And once it is back, every order counts once, none was dead-lettered, and health recovers
      Map<String, CustomerTotals> expected = CustomerTotals.recompute(history);
      try (TopicReader<CustomerLtv> ltv = new TopicReader<>(
          client, "customer-ltv", engine.topics().customerLtv().valueSerde().deserializer())) {
        LtvCheck.assertLatestTotals(ltv, expected);
      }
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);
      assertThat(Offsets.end(admin, "orders-dlq")).as("dead letters written for the outage").isZero();
      await().atMost(TIMEOUT).untilAsserted(() ->
          assertThat(engine.health().verdict().problems()).as("health after the outage").isEmpty());
      System.out.printf("SchemaEvolutionFaultIT: %d orders waited out a 30 s registry outage, %d customers checked%n",
          newHalf.size(), expected.size());
    }
  }

  private static Schema withCouponCode(Schema current) throws IOException {
    String json = current.toString();
    int fieldsEnd = json.lastIndexOf(']');
    return new Schema.Parser().parse(json.substring(0, fieldsEnd) + "," + COUPON_FIELD + json.substring(fieldsEnd));
  }

  /** Sends orders in Confluent's wire format: magic byte 0, schema id, Avro binary of the newer schema. */
  private static void sendWithSchema(Map<String, Object> client, Schema schema, int schemaId, List<Order> orders)
      throws IOException {
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(schema, model);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
      for (Order order : orders) {
        byte[] value = wireBytes(writer, schemaId, withCoupon(schema, order));
        producer.send(new ProducerRecord<>(
            "orders", null, order.getEventTime().toEpochMilli(), order.getCustomerId(), value));
      }
      producer.flush();
    }
  }

  private static GenericRecord withCoupon(Schema schema, Order order) {
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : Order.SCHEMA$.getFields()) {
      record.put(field.name(), order.get(field.pos()));
    }
    record.put("couponCode", "WELCOME10");
    return record;
  }

  private static byte[] wireBytes(GenericDatumWriter<GenericRecord> writer, int schemaId, GenericRecord record)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    writer.write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
