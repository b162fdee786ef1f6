package io.ltvengine.app.service;

import io.ltvengine.streams.errors.DeadLetterBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * Whether the engine is alive and ready, told truthfully: Kafka Streams' own state, every stream
 * thread running, the dead-letter breaker, threads that keep failing without processing anything
 * in between, and records that wait on a partition while nothing is processed.
 */
public final class EngineHealth {

  /** What health and readiness report. */
  public record Verdict(boolean alive, boolean ready, String state, List<String> problems) {}

  /** When the engine counts as stuck or failing. */
  public record Limits(Duration stallTimeout, int maxReplacements, Duration replacementWindow) {}

  private static final Set<KafkaStreams.State> DEAD = Set.of(
      KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR,
      KafkaStreams.State.NOT_RUNNING, KafkaStreams.State.PENDING_SHUTDOWN);

  private final KafkaStreams streams;
  private final DeadLetterBreaker breaker;
  private final Limits limits;
  private final Clock clock;
  private final Deque<Long> replacements = new ArrayDeque<>();
  private long lastReplacementAt = Long.MIN_VALUE;
  private double lastProcessed = -1;
  private long lastProgressAt;

  public EngineHealth(KafkaStreams streams, DeadLetterBreaker breaker, Limits limits, Clock clock) {
    this.streams = streams;
    this.breaker = breaker;
    this.limits = limits;
    this.clock = clock;
    this.lastProgressAt = clock.millis();
  }

  /** A stream thread failed and is being replaced; returns how many were within the window. */
  public synchronized int threadReplaced() {
    lastReplacementAt = clock.millis();
    replacements.addLast(lastReplacementAt);
    return recentReplacements();
  }

  /** Cheap enough for every query: state, threads and breaker, without the lag check. */
  public boolean ready() {
    return streams.state() == KafkaStreams.State.RUNNING && breaker.tripped().isEmpty() && allThreadsRunning();
  }

  public synchronized Verdict verdict() {
    List<String> problems = new ArrayList<>();
    KafkaStreams.State state = streams.state();
    if (DEAD.contains(state)) {
      problems.add("Kafka Streams is " + state);
    }
    breaker.tripped().ifPresent(problems::add);
    stall().ifPresent(problems::add);
    int replaced = recentReplacements();
    if (replaced >= limits.maxReplacements() && lastProgressAt <= lastReplacementAt) {
      problems.add(replaced + " stream threads failed within " + limits.replacementWindow()
          + " and none processed a record since the last one");
    }
    boolean alive = problems.isEmpty();
    return new Verdict(alive, alive && ready(), state.name(), problems);
  }

  private boolean allThreadsRunning() {
    Set<ThreadMetadata> threads = streams.metadataForLocalThreads();
    return !threads.isEmpty() && threads.stream().allMatch(thread -> "RUNNING".equals(thread.threadState()));
  }

  private int recentReplacements() {
    long since = clock.millis() - limits.replacementWindow().toMillis();
    while (!replacements.isEmpty() && replacements.peekFirst() < since) {
      replacements.removeFirst();
    }
    return replacements.size();
  }

  /** Records wait on some partition, yet nothing was processed for the stall timeout. */
  private Optional<String> stall() {
    double processed = 0;
    double lag = 0;
    for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
      MetricName name = entry.getKey();
      Object value = entry.getValue().metricValue();
      if (!(value instanceof Double number) || number.isNaN()) {
        continue;
      }
      if ("process-total".equals(name.name()) && "stream-thread-metrics".equals(name.group())) {
        processed += number;
      } else if ("records-lag-max".equals(name.name()) && "consumer-fetch-manager-metrics".equals(name.group())
          && !name.tags().containsKey("topic") && name.tags().getOrDefault("client-id", "").endsWith("-consumer")
          && !name.tags().getOrDefault("client-id", "").contains("restore")) {
        lag = Math.max(lag, number);
      }
    }
    long now = clock.millis();
    // A replaced thread takes its count with it: only a rise is progress.
    if (processed > lastProcessed) {
      lastProgressAt = now;
    }
    lastProcessed = processed;
    long idle = now - lastProgressAt;
    if (lag > 0 && idle > limits.stallTimeout().toMillis()) {
      return Optional.of((long) lag + " records wait on a partition but none was processed for "
          + Duration.ofMillis(idle).toSeconds() + " s");
    }
    return Optional.empty();
  }
}
