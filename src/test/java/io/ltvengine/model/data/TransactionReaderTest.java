package io.ltvengine.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionReaderTest {

  private static List<Transaction> read(String text, InputFormat format) {
    return TransactionReader.read(new BufferedReader(new StringReader(text)), format);
  }

  @Test
  void shouldReadFiveColumnCdnowLinesUsingTheSecondColumnAsId() {
    assertThat(read(" 00004 0001 19970101  2   29.33\n", InputFormat.CDNOW))
        .containsExactly(new Transaction("0001", LocalDate.of(1997, 1, 1), 29.33));
  }

  @Test
  void shouldReadFourColumnCdnowLinesWithAHeader() {
    assertThat(read("id date units value\n7 19970305 1 12.5\n", InputFormat.CDNOW))
        .containsExactly(new Transaction("7", LocalDate.of(1997, 3, 5), 12.5));
  }

  @Test
  void shouldReadCsvWithIsoDatesAndDateTimes() {
    // Given
    String csv =
        "customer_id,date,amount\n"
            + "a,2024-03-01,10.5\n"
            + "b,2024-03-02T23:10:00,3\n"
            + "c,2024-03-03T01:00:00Z,4\n";

    // When / Then
    assertThat(read(csv, InputFormat.CSV))
        .containsExactly(
            new Transaction("a", LocalDate.of(2024, 3, 1), 10.5),
            new Transaction("b", LocalDate.of(2024, 3, 2), 3),
            new Transaction("c", LocalDate.of(2024, 3, 3), 4));
  }

  @Test
  void shouldRejectALineWithTheWrongNumberOfColumns() {
    assertThatThrownBy(() -> read("a,2024-03-01\n", InputFormat.CSV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customer_id,date,amount");
  }
}
