package io.ltvengine.tools.backtest;

import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.model.CustomerHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the stream served per customer, in {@code score}'s CSV layout plus whether an alert is open. */
public final class CustomerFile {

  static final String HEADER = "customer_id,frequency,recency,T,p_alive,expected_purchases,expected_avg_spend,clv,alerted";

  private CustomerFile() {}

  public static void write(Path file, Backtest.Result result) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      out.println(HEADER);
      for (Outcome outcome : result.report().outcomes()) {
        CustomerHistory history = result.calibration().get(outcome.customerId());
        CustomerLtv ltv = outcome.served().ltv();
        out.println(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%b",
            outcome.customerId(), history.x(), history.tx(), history.age(), ltv.getPAlive(), ltv.getExpectedPurchases(),
            ltv.getExpectedAvgSpend() == null ? Double.NaN : ltv.getExpectedAvgSpend(),
            ltv.getPredictedClv() == null ? Double.NaN : ltv.getPredictedClv(), outcome.served().alerted()));
      }
    }
  }
}
