package io.ltvengine.tools.bench;

/** Throughput and latency of the engine and its peer under one processing guarantee. */
record GuaranteeResult(
    String guarantee,
    double appOrdersPerSec,
    double peerOrdersPerSec,
    double baselineOrdersPerSec,
    LatencyProbe.Latency latency) {

  /** The engine's share of the physical limit. */
  double ratio() {
    return appOrdersPerSec / baselineOrdersPerSec;
  }

  double ratioToPeer() {
    return appOrdersPerSec / peerOrdersPerSec;
  }
}
