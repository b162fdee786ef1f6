package io.ltvengine.model.data;

import java.io.BufferedReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/** Reads transaction files in the {@link InputFormat}s; lines are parsed independently. */
public final class TransactionReader {

  private static final DateTimeFormatter CDNOW_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private TransactionReader() {}

  /** All transactions of the file; a header line is recognised and skipped. */
  public static List<Transaction> read(BufferedReader reader, InputFormat format) {
    return reader
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .map(line -> format == InputFormat.CDNOW ? parseCdnow(line) : parseCsv(line))
        .filter(Objects::nonNull)
        .toList();
  }

  /** A CDNOW line, or null for a header (a line whose date column is not a number). */
  static Transaction parseCdnow(String line) {
    String[] f = line.split("\\s+");
    if (f.length != 4 && f.length != 5) {
      throw new IllegalArgumentException("CDNOW line needs 4 or 5 columns: " + line);
    }
    int id = f.length - 4;
    if (!f[id + 1].chars().allMatch(Character::isDigit)) {
      return null;
    }
    return new Transaction(
        f[id], LocalDate.parse(f[id + 1], CDNOW_DATE), Double.parseDouble(f[id + 3]));
  }

  /** A CSV line, or null for the header. */
  static Transaction parseCsv(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 3) {
      throw new IllegalArgumentException("CSV line needs customer_id,date,amount: " + line);
    }
    if (f[0].strip().equals("customer_id")) {
      return null;
    }
    return new Transaction(f[0].strip(), parseDate(f[1].strip()), Double.parseDouble(f[2].strip()));
  }

  /** ISO date, or ISO date-time with or without offset; the date is taken as written. */
  private static LocalDate parseDate(String text) {
    return text.length() > 10
        ? LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(text))
        : LocalDate.parse(text);
  }
}
