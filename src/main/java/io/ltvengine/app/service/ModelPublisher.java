package io.ltvengine.app.service;

import io.ltvengine.avro.LtvModel;
import io.ltvengine.model.CalibrationFit;
import io.ltvengine.model.FittedModel;
import io.ltvengine.model.GammaGamma;
import io.ltvengine.model.TimeUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes fitted parameters to the compacted model topic, one record per purchase model keyed by
 * its name, each carrying the Gamma-Gamma spend parameters. Running engines pick them up at once.
 */
public final class ModelPublisher {

  private final Properties clientProperties;
  private final Serializer<LtvModel> serializer;

  public ModelPublisher(Properties clientProperties, Serializer<LtvModel> serializer) {
    this.clientProperties = clientProperties;
    this.serializer = serializer;
  }

  /**
   * Publishes every purchase model of the fit that converged; the version is the publication time.
   * A fit a search bound stopped is never published: the engines keep the version they have. A
   * spend model that did not converge is left out, so spend and CLV are reported as unknown.
   */
  public List<LtvModel> publish(String topic, CalibrationFit fit, Instant now)
      throws InterruptedException, ExecutionException {
    List<LtvModel> records = publishable(fit, now);
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, LtvModel> producer =
        new KafkaProducer<>(properties, new StringSerializer(), serializer)) {
      for (LtvModel record : records) {
        producer.send(new ProducerRecord<>(topic, record.getModel(), record)).get();
      }
    }
    return records;
  }

  /** The records of the purchase models that converged, with the spend model if it did. */
  public static List<LtvModel> publishable(CalibrationFit fit, Instant now) {
    FittedModel fittedSpend = fit.models().get(GammaGamma.NAME);
    FittedModel spend = fittedSpend != null && fittedSpend.quality().converged() ? fittedSpend : null;
    List<LtvModel> records = new ArrayList<>();
    for (FittedModel model : fit.models().values()) {
      if (model != fittedSpend && model.quality().converged()) {
        records.add(toRecord(model, spend, fit, now));
      }
    }
    return records;
  }

  static LtvModel toRecord(FittedModel model, FittedModel spend, CalibrationFit fit, Instant now) {
    return LtvModel.newBuilder()
        .setModel(model.model())
        .setVersion(now.toEpochMilli())
        .setFittedAt(now)
        .setTimeUnitDays(fit.timeUnit() == TimeUnit.WEEKS ? 7 : 1)
        .setParameters(Map.copyOf(model.parameters()))
        .setSpendParameters(spend == null ? null : Map.copyOf(spend.parameters()))
        .setCustomers(fit.customers())
        .setLogLikelihood(model.logLikelihood())
        .build();
  }
}
