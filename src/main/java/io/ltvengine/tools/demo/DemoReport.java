package io.ltvengine.tools.demo;

import io.ltvengine.tools.demo.ShopEvent.Kind;
import java.time.Duration;
import java.util.Map;

/** What a demo run did and how well its alerts matched the truth. */
public record DemoReport(
    Duration elapsed,
    Duration shopSpan,
    Totals totals,
    Map<Kind, Long> sentByKind,
    Map<String, Long> deadLettersByReason,
    AlertAccuracy accuracy,
    OracleAlerts oracle,
    Duration recallGrace) {

  /** The running counts of the live line and the summary. */
  public record Totals(
      long ordersSent,
      long ltvUpdates,
      long churnAlerts,
      long reactivations,
      long deadLetters,
      long duplicatesDropped) {}
}
