package io.ltvengine.tools.bench;

import java.time.Duration;
import java.util.List;

/**
 * What to measure and at what size.
 *
 * @param guarantees processing guarantees to compare, e.g. exactly_once_v2 and at_least_once
 * @param rate orders per second of the latency phase, below saturation
 * @param latencyDuration how long the latency phase sends; its first {@code latencyWarmup} is not
 *     measured
 * @param punctuationCustomers customers in the churn index of the punctuation probe
 */
public record BenchOptions(
    long orders,
    int customers,
    int partitions,
    List<String> guarantees,
    int rate,
    Duration latencyDuration,
    Duration latencyWarmup,
    int punctuationCustomers) {}
