package io.ltvengine.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltvengine.model.Cdnow;
import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.TimeUnit;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationSummariserTest {

  @Test
  void shouldReproduceThePublishedCdnowSummaryFromTheRawTransactions() throws IOException {
    // Given
    List<String[]> published;
    try (BufferedReader reader = Cdnow.resource(Cdnow.SUMMARY)) {
      published = reader.lines().skip(1).map(line -> line.strip().split(",")).toList();
    }

    // When
    List<CustomerSummary> summaries = Cdnow.summaries();

    // Then every customer matches to the two decimals of the published file
    assertThat(summaries).hasSize(2357).hasSameSizeAs(published);
    for (int i = 0; i < published.size(); i++) {
      String[] row = published.get(i);
      CustomerSummary actual = summaries.get(i);
      assertThat(Integer.parseInt(actual.customerId())).isEqualTo(Integer.parseInt(row[0]));
      assertThat(actual.history().x()).isEqualTo(Integer.parseInt(row[1]));
      assertThat(actual.history().tx()).isCloseTo(Double.parseDouble(row[2]), within(0.0051));
      assertThat(actual.history().age()).isCloseTo(Double.parseDouble(row[3]), within(0.0051));
      assertThat(actual.history().meanSpend())
          .isCloseTo(Double.parseDouble(row[4]), within(0.0051));
    }
  }

  @Test
  void shouldMergeSameDayPurchasesAndIgnoreEverythingAfterTheCalibrationEnd() {
    // Given
    LocalDate end = LocalDate.of(2024, 1, 31);
    List<Transaction> transactions =
        List.of(
            new Transaction("c1", LocalDate.of(2024, 1, 1), 10),
            new Transaction("c1", LocalDate.of(2024, 1, 8), 5),
            new Transaction("c1", LocalDate.of(2024, 1, 8), 7),
            new Transaction("c1", LocalDate.of(2024, 1, 31), 20),
            new Transaction("c1", LocalDate.of(2024, 2, 1), 99),
            new Transaction("late", LocalDate.of(2024, 2, 2), 1));

    // When
    List<CustomerSummary> summaries =
        new CalibrationSummariser(end, TimeUnit.DAYS).summarise(transactions);

    // Then
    assertThat(summaries)
        .containsExactly(new CustomerSummary("c1", new CustomerHistory(2, 30, 30, 16, 1)));
  }
}
