package io.ltvengine.model;

import io.ltvengine.model.data.CalibrationSummariser;
import io.ltvengine.model.data.CustomerSummary;
import io.ltvengine.model.data.InputFormat;
import io.ltvengine.model.data.TransactionReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** The CDNOW 1/10 sample summarised over the 39-week calibration period, in weeks. */
public final class Cdnow {

  public static final String TRANSACTIONS = "/cdnow/CDNOW_sample.txt";
  public static final String SUMMARY = "/cdnow/cdnow_customers_summary.csv";
  public static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  private Cdnow() {}

  public static List<CustomerSummary> summaries() {
    try (BufferedReader reader = resource(TRANSACTIONS)) {
      return new CalibrationSummariser(CALIBRATION_END, TimeUnit.WEEKS)
          .summarise(TransactionReader.read(reader, InputFormat.CDNOW));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<CustomerHistory> histories() {
    return summaries().stream().map(CustomerSummary::history).toList();
  }

  public static BufferedReader resource(String name) {
    return new BufferedReader(
        new InputStreamReader(Cdnow.class.getResourceAsStream(name), StandardCharsets.UTF_8));
  }
}
