package io.ltvengine.tools.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Closed-loop clients: each sends its next request as soon as the last is answered, for a fixed
 * time, and records how long every answer took. A non-200 answer counts as an error.
 */
final class ApiLoad {

  /**
   * What one endpoint's clients ask: a path for a random draw.
   *
   * @param clients how many clients ask it concurrently
   */
  record Target(String name, int clients, Function<SplittableRandom, String> path) {}

  /** Latencies of one endpoint. */
  record Latency(String endpoint, int clients, long requests, long errors, double p50Ms, double p99Ms) {}

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private ApiLoad() {}

  /** Runs every target's clients at once against the instances, round robin, for {@code duration}. */
  static List<Latency> run(List<Target> targets, List<Integer> ports, Duration duration) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    List<Recorder> recorders = new ArrayList<>();
    int client = 0;
    for (Target target : targets) {
      Recorder recorder = new Recorder(target);
      recorders.add(recorder);
      for (int i = 0; i < target.clients(); i++, client++) {
        int port = ports.get(client % ports.size());
        SplittableRandom random = new SplittableRandom(client);
        Thread thread = new Thread(() -> recorder.loop(http, port, random, deadline), "api-client-" + client);
        threads.add(thread);
        thread.start();
      }
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return recorders.stream().map(Recorder::latency).toList();
  }

  /** One endpoint's answers, from all its clients. */
  private static final class Recorder {

    private final Target target;
    private final List<long[]> perClient = new ArrayList<>();
    private final AtomicLong errors = new AtomicLong();

    Recorder(Target target) {
      this.target = target;
    }

    void loop(HttpClient http, int port, SplittableRandom random, long deadline) {
      long[] nanos = new long[1024];
      int count = 0;
      while (System.nanoTime() < deadline) {
        URI uri = URI.create("http://127.0.0.1:" + port + target.path().apply(random));
        long start = System.nanoTime();
        try {
          HttpResponse<Void> response = http.send(
              HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() != 200) {
            errors.incrementAndGet();
            continue;
          }
        } catch (Exception e) {
          errors.incrementAndGet();
          continue;
        }
        if (count == nanos.length) {
          nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = System.nanoTime() - start;
      }
      synchronized (perClient) {
        perClient.add(Arrays.copyOf(nanos, count));
      }
    }

    Latency latency() {
      long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new Latency(target.name(), target.clients(), all.length, errors.get(),
          percentileMs(all, 0.50), percentileMs(all, 0.99));
    }

    private static double percentileMs(long[] sorted, double quantile) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
  }
}
