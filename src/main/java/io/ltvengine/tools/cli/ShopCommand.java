package io.ltvengine.tools.cli;

import io.ltvengine.tools.demo.DemoOptions;
import io.ltvengine.tools.demo.ShopClock;
import io.ltvengine.tools.demo.ShopProducer;
import io.ltvengine.tools.demo.ShopSimulator;
import io.ltvengine.avro.Order;
import io.ltvengine.streams.RegistryAvroSerdes;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ltv shop}: the demo's synthetic shop, producing into an existing cluster. */
@Command(
    name = "shop",
    mixinStandardHelpOptions = true,
    description = {
      "Plays the synthetic shop of the demo into the orders topic of an existing cluster, through its "
          + "Schema Registry: customers who buy at their own rate and stop, refunds, duplicates and a "
          + "few malformed records. Used by docker/docker-compose.yml."
    })
public final class ShopCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT,...", description = "Kafka brokers.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", required = true, paramLabel = "URL", description = "Schema Registry URL.")
  String schemaRegistryUrl;

  @Option(names = "--topic", defaultValue = "orders", description = "Topic to produce to (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(names = "--orders-per-second", defaultValue = "20", description = "Orders per wall second (default: ${DEFAULT-VALUE}).")
  double ordersPerSecond;

  @Option(names = "--duration", converter = DemoCommand.DurationConverter.class, description = "How long to produce (default: until stopped).")
  Duration duration;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated shop (default: ${DEFAULT-VALUE}).")
  long seed;

  /**
   * Real time: an engine running on the wall clock judges event times against it, so the shop
   * cannot compress time the way the self-contained demo does.
   */
  private static final double REAL_TIME = 1;

  @Override
  public Integer call() {
    Instant start = Instant.now();
    ShopClock clock = ShopClock.start(start, REAL_TIME);
    DemoOptions options =
        new DemoOptions(Optional.ofNullable(duration), OptionalDouble.empty(), ordersPerSecond, DemoOptions.Api.NONE, REAL_TIME, seed);
    try (ShopProducer shop =
        new ShopProducer(producer(), topic, orderSerializer(), new ShopSimulator(options.shopParameters(start)), clock)) {
      Thread stopOnExit = new Thread(shop::stop, "ltv-shop-stop");
      Runtime.getRuntime().addShutdownHook(stopOnExit);
      shop.runUntil(duration == null ? Instant.MAX : start.plus(duration));
      PrintWriter out = spec.commandLine().getOut();
      out.println("Sent: " + shop.sentCounts());
      out.flush();
    }
    return 0;
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.CLIENT_ID_CONFIG, "ltv-shop"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private org.apache.kafka.common.serialization.Serializer<Order> orderSerializer() {
    return new RegistryAvroSerdes(Map.of("schema.registry.url", schemaRegistryUrl))
        .valueSerde(Order.class)
        .serializer();
  }
}
