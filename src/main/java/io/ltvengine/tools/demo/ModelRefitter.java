package io.ltvengine.tools.demo;

import io.ltvengine.app.service.ModelPublisher;
import io.ltvengine.app.service.OrderHistoryReader;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.Order;
import io.ltvengine.model.CalibrationFit;
import io.ltvengine.model.PurchaseModels;
import io.ltvengine.model.TimeUnit;
import io.ltvengine.model.data.CalibrationSummariser;
import io.ltvengine.model.data.CustomerSummary;
import io.ltvengine.streams.RegistryAvroSerdes;
import io.ltvengine.streams.Topics;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a shop does on a schedule: refit the models on the order history in Kafka and publish them,
 * so that the running engine starts serving P(alive) and predicted CLV without a restart.
 */
final class ModelRefitter implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelRefitter.class);

  private final OrderHistoryReader history;
  private final ModelPublisher publisher;
  private final String ordersTopic;
  private final String modelTopic;
  private final ShopClock clock;
  private final Consumer<LtvModel> published;

  ModelRefitter(
      String bootstrapServers,
      RegistryAvroSerdes serdes,
      Topics topics,
      ShopClock clock,
      Consumer<LtvModel> published) {
    Properties client = new Properties();
    client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    this.history = new OrderHistoryReader(client, serdes.valueSerde(Order.class).deserializer());
    this.publisher = new ModelPublisher(client, serdes.valueSerde(LtvModel.class).serializer());
    this.ordersTopic = topics.orders().name();
    this.modelTopic = topics.model().name();
    this.clock = clock;
    this.published = published;
  }

  /** One refit; a fit that fails (too little history yet) is logged and tried again next time. */
  @Override
  public void run() {
    try {
      List<CustomerSummary> customers =
          new CalibrationSummariser(clock.instant().atZone(ZoneOffset.UTC).toLocalDate(), TimeUnit.DAYS)
              .summarise(history.read(ordersTopic));
      CalibrationFit fit =
          CalibrationFit.of(customers.stream().map(CustomerSummary::history).toList(), PurchaseModels.NAMES, TimeUnit.DAYS);
      publisher.publish(modelTopic, fit, clock.instant()).forEach(published);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | ExecutionException e) {
      LOG.warn("Model refit failed; trying again at the next refit: {}", e.toString());
    }
  }
}
