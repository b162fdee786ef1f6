package io.ltvengine.tools.bench;

import java.nio.file.Path;

/**
 * One measured Kafka Streams application of the benchmark.
 *
 * @param name names its application id and output topics, so no run sees another's data
 * @param guarantee {@code exactly_once_v2} or {@code at_least_once}
 * @param stateDir its own state directory
 */
record RunSpec(String name, String guarantee, Path stateDir) {}
