package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.CustomerLtv;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** The "nothing lost, nothing counted twice" checks on the engine's output topics. */
public final class LtvCheck {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  /**
   * A killed engine can leave a transaction open on the output topics; read_committed readers see
   * past it only once the broker aborts it, after the transaction timeout.
   */
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);

  private LtvCheck() {}

  /** Waits until the application's consumer group has committed every record of {@code topic}. */
  public static void awaitConsumedAll(Admin admin, String applicationId, String topic, Duration timeout) {
    long end = Offsets.end(admin, topic);
    await().atMost(timeout).pollInterval(Duration.ofMillis(500))
        .until(() -> Offsets.committed(admin, applicationId, topic) >= end);
  }

  /** Every customer's latest committed LTV record, reduced to the totals the tests recompute. */
  public static Map<String, CustomerTotals> latestTotals(TopicReader<CustomerLtv> ltv) {
    Map<String, CustomerTotals> latest = new HashMap<>();
    ltv.catchUp(r -> latest.put(r.key(), CustomerTotals.of(r.value())), READ_TIMEOUT);
    return latest;
  }

  /** Asserts that the latest LTV record of every customer, and of no other, equals the expected. */
  public static void assertLatestTotals(TopicReader<CustomerLtv> ltv, Map<String, CustomerTotals> expected) {
    Map<String, CustomerTotals> actual = new HashMap<>();
    await().atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      ltv.catchUp(r -> actual.put(r.key(), CustomerTotals.of(r.value())), READ_TIMEOUT);
      assertThat(CustomerTotals.differences(expected, actual, 10)).isEmpty();
    });
  }

  /** "alertId type" of every committed churn event, in topic order per partition. */
  public static List<String> alertIdsAndTypes(TopicReader<ChurnAlert> alerts) {
    List<String> ids = new ArrayList<>();
    alerts.catchUp(r -> ids.add(r.value().getAlertId() + " " + r.value().getType()), READ_TIMEOUT);
    return ids;
  }

  /**
   * Per quiet episode (alert id), one CHURN_RISK and at most one REACTIVATED after it, in topic
   * order; returns how many episodes there were.
   */
  public static int assertAlertSequences(TopicReader<ChurnAlert> alerts) {
    Map<String, List<String>> typesByAlert = new HashMap<>();
    alerts.catchUp(r -> typesByAlert.computeIfAbsent(r.value().getAlertId(), id -> new ArrayList<>())
        .add(r.value().getType().name()), READ_TIMEOUT);
    typesByAlert.forEach((alertId, types) -> assertThat(types)
        .as("events of churn alert " + alertId)
        .isIn(List.of("CHURN_RISK"), List.of("CHURN_RISK", "REACTIVATED")));
    return typesByAlert.size();
  }
}
