package io.ltvengine.tools.backtest;

import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.registry.MockSchemaRegistry;
import io.ltvengine.registry.RegistryClientConfig;
import io.ltvengine.streams.LtvMetrics;
import io.ltvengine.streams.LtvTopology;
import io.ltvengine.streams.RegistryAvroSerdes;
import io.ltvengine.streams.StoreNames;
import io.ltvengine.streams.StreamsProperties;
import io.ltvengine.streams.Topics;
import io.ltvengine.streams.errors.DeadLetterBreaker;
import io.ltvengine.streams.stores.PopulationRhythm;
import io.ltvengine.valuation.EngineClock;
import io.ltvengine.valuation.Judging;
import io.ltvengine.valuation.Valuation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The calibration period replayed through the engine's own topology, in stream-time mode, with the
 * calibration fit published on the model topic before the first order as a shop would have it;
 * then what the engine serves for every customer at the calibration end, judged by the same
 * valuation core and clock the query API uses.
 */
final class StreamReplay {

  private final LtvConfig config;
  private final Optional<LtvModel> model;

  /** @param model the parameters published before the first order; none for the rhythm rule alone */
  StreamReplay(LtvConfig config, Optional<LtvModel> model) {
    this.config = config;
    this.model = model;
  }

  Map<String, Served> serve(ShopDays days, List<String> customers, LocalDate calibrationEnd) {
    String scope = "backtest-" + UUID.randomUUID();
    Path stateDir = temporaryStateDir();
    Valuation valuation = Valuation.create(config.valuation(), EngineClock.streamTime());
    DeadLetterBreaker breaker = new DeadLetterBreaker(config.getInt(LtvConfig.DLQ_BREAKER_WINDOW), 1.0);
    LtvMetrics metrics = new LtvMetrics(new SimpleMeterRegistry());
    Map<String, Object> registry = Map.of(RegistryClientConfig.URL, "mock://" + scope);
    Topics topics = Topics.create(config, new RegistryAvroSerdes(registry));
    try (TopologyTestDriver driver = new TopologyTestDriver(
        LtvTopology.build(config, topics, new LtvTopology.Environment(valuation, metrics, breaker)),
        properties(metrics, breaker, registry, stateDir))) {
      model.ifPresent(published ->
          driver.createInputTopic(topics.model().name(), new StringSerializer(), topics.model().valueSerde().serializer())
              .pipeInput(published.getModel(), published));
      TestInputTopic<String, Order> orders =
          driver.createInputTopic(topics.orders().name(), new StringSerializer(), topics.orders().valueSerde().serializer());
      for (Order order : calibrationOrders(days, customers, calibrationEnd)) {
        orders.pipeInput(order.getCustomerId(), order, order.getEventTime());
      }
      return servedAt(driver, valuation, customers, calibrationEnd);
    } finally {
      MockSchemaRegistry.dropScope(scope);
      delete(stateDir);
    }
  }

  private Map<String, Served> servedAt(
      TopologyTestDriver driver, Valuation valuation, List<String> customers, LocalDate calibrationEnd) {
    KeyValueStore<String, CustomerState> states = driver.getKeyValueStore(StoreNames.CUSTOMER_STATE);
    KeyValueStore<String, Long> population = driver.getKeyValueStore(StoreNames.POPULATION_RHYTHM);
    KeyValueStore<String, LtvModel> models = driver.getKeyValueStore(StoreNames.MODEL);
    Judging judging = new Judging(PopulationRhythm.readOnly(population, valuation.populationDefaults()), models::get);
    long end = millis(calibrationEnd);
    Map<String, Served> served = new LinkedHashMap<>();
    for (String customer : customers) {
      CustomerState state = states.get(customer);
      served.put(customer, new Served(valuation.viewAt(customer, state, judging, end), state.getOpenAlertId() != null));
    }
    return served;
  }

  /** One order per customer and purchase day, in time order, as the shop would have sent them. */
  private List<Order> calibrationOrders(ShopDays days, List<String> customers, LocalDate calibrationEnd) {
    List<Order> orders = new ArrayList<>();
    for (String customer : customers) {
      days.upTo(customer, calibrationEnd).forEach((day, amount) -> orders.add(order(customer, day, amount)));
    }
    orders.sort(Comparator.comparing(Order::getEventTime));
    return orders;
  }

  private Order order(String customer, LocalDate day, double amount) {
    return Order.newBuilder()
        .setOrderId(customer + "-" + day)
        .setCustomerId(customer)
        .setEventTime(day.atStartOfDay(ZoneOffset.UTC).toInstant())
        .setType(OrderType.PURCHASE)
        .setAmountMinor(Math.round(amount * 100))
        .setCurrency(config.getString(LtvConfig.REPORTING_CURRENCY))
        .build();
  }

  private Properties properties(LtvMetrics metrics, DeadLetterBreaker breaker, Map<String, Object> registry, Path stateDir) {
    Properties properties = StreamsProperties.of(config, metrics, breaker);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "ltv-backtest");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    properties.putAll(registry);
    return properties;
  }

  static long millis(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static void delete(Path stateDir) {
    try {
      Utils.delete(stateDir.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryStateDir() {
    try {
      return Files.createTempDirectory("ltv-backtest-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
