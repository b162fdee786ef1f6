package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.app.LtvApplication;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A shop that resends every event and delivers each customer's events out of order, cancellations
 * before their purchases too: the engine counts each event once and its totals do not depend on
 * arrival order. Of an event and its re-stamped resend, the copy that arrives first counts, so the
 * expected state is recomputed from the events as they arrive.
 */
class DuplicatesAndReorderingFaultIT {

  private static final int ORDERS = 3_000;
  private static final int SHUFFLE_BLOCK = 5;
  private static final String APPLICATION_ID = "duplicates-reordering-fault-it";

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
  void shouldEndInTheStateOfTheCleanHistoryWhenEveryOrderIsSentTwiceAndOutOfOrder() throws Exception {
    // Given a clean order history, and the same history with every event twice, shuffled per customer
    Map<String, Object> client = cluster.client();
    List<Order> clean = ShopHistory.generate(ORDERS, ORDERS / 10, 23);
    List<Order> disordered = shuffledPerCustomer(twice(clean), new Random(29));
    int reordered = customersOutOfEventTimeOrder(disordered);
    assertThat(reordered).as("customers whose events arrive out of order").isPositive();
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      engine = FaultSettings.startInProcess(
          FaultSettings.engine(cluster.bootstrapServers(), cluster.registryUrl(), APPLICATION_ID));

      // When the engine reads the disordered history
      OrderSender.send(client, "orders", engine.topics().orders().valueSerde().serializer(), disordered);

      // Then every customer's latest value is the recomputed one
      Map<String, CustomerTotals> expected = CustomerTotals.recompute(disordered);
      try (TopicReader<CustomerLtv> ltv = new TopicReader<>(
          client, "customer-ltv", engine.topics().customerLtv().valueSerde().deserializer())) {
        LtvCheck.assertLatestTotals(ltv, expected);
      }
      System.out.printf("DuplicatesAndReorderingFaultIT: %d events sent for %d clean ones, %d customers "
          + "out of order, %d customers checked%n", disordered.size(), clean.size(), reordered, expected.size());
    }
  }

  private static int customersOutOfEventTimeOrder(List<Order> stream) {
    Map<String, Instant> latest = new HashMap<>();
    Set<String> outOfOrder = new HashSet<>();
    for (Order order : stream) {
      Instant before = latest.put(order.getCustomerId(), order.getEventTime());
      if (before != null && before.isAfter(order.getEventTime())) {
        outOfOrder.add(order.getCustomerId());
      }
    }
    return outOfOrder.size();
  }

  private static List<Order> twice(List<Order> history) {
    List<Order> doubled = new ArrayList<>(history.size() * 2);
    for (Order order : history) {
      doubled.add(order);
      doubled.add(order);
    }
    return doubled;
  }

  /**
   * Each customer's events shuffled within blocks of {@link #SHUFFLE_BLOCK}, on the stream
   * positions the customer's events had: customers still interleave as before, and event times
   * stay those of the events.
   */
  private static List<Order> shuffledPerCustomer(List<Order> stream, Random random) {
    Map<String, List<Integer>> positions = new LinkedHashMap<>();
    for (int i = 0; i < stream.size(); i++) {
      positions.computeIfAbsent(stream.get(i).getCustomerId(), c -> new ArrayList<>()).add(i);
    }
    List<Order> shuffled = new ArrayList<>(stream);
    for (List<Integer> customerPositions : positions.values()) {
      List<Order> events = new ArrayList<>(customerPositions.stream().map(stream::get).toList());
      for (int from = 0; from < events.size(); from += SHUFFLE_BLOCK) {
        Collections.shuffle(events.subList(from, Math.min(from + SHUFFLE_BLOCK, events.size())), random);
      }
      for (int i = 0; i < events.size(); i++) {
        shuffled.set(customerPositions.get(i), events.get(i));
      }
    }
    return shuffled;
  }
}
