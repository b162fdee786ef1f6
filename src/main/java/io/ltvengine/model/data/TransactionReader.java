package io.ltvengine.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads transaction files in the {@link InputFormat}s. A line that cannot be read stops the read
 * with an {@link InputException} naming the line and the problem: a transaction silently skipped
 * or misread would skew every fit.
 */
public final class TransactionReader {

  private static final DateTimeFormatter CDNOW_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final String CSV_HEADER = "customer_id,date,amount";

  private TransactionReader() {}

  /** All transactions of the file; a header on its first line is recognised and skipped. */
  public static List<Transaction> read(BufferedReader reader, InputFormat format) {
    List<Transaction> transactions = new ArrayList<>();
    int number = 0;
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        String text = line.strip();
        if (!text.isEmpty() && !(number == 1 && isHeader(text, format))) {
          transactions.add(parse(text, format, number));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return transactions;
  }

  private static Transaction parse(String line, InputFormat format, int number) {
    try {
      return format == InputFormat.CDNOW ? parseCdnow(line) : parseCsv(line);
    } catch (DateTimeParseException e) {
      throw new InputException(number, "invalid date '" + e.getParsedString() + "'");
    } catch (InputException e) {
      throw new InputException(number, e.getMessage());
    }
  }

  private static boolean isHeader(String line, InputFormat format) {
    if (format == InputFormat.CSV) {
      if (line.startsWith("customer_id") && !line.replace(" ", "").equals(CSV_HEADER)) {
        throw new InputException(1, "the header must be " + CSV_HEADER + ", got '" + line + "'");
      }
      return line.startsWith("customer_id");
    }
    String[] fields = line.split("\\s+");
    return fields.length >= 4 && !fields[fields.length - 3].chars().allMatch(Character::isDigit);
  }

  static Transaction parseCdnow(String line) {
    String[] f = line.split("\\s+");
    if (f.length != 4 && f.length != 5) {
      throw new InputException(0, "a cdnow line has 4 or 5 whitespace-separated columns "
          + "([master id] id yyyymmdd units value), got " + f.length + (line.contains(",") ? " (is it --format csv?)" : ""));
    }
    int id = f.length - 4;
    return new Transaction(f[id], LocalDate.parse(f[id + 1], CDNOW_DATE), amount(f[id + 3]));
  }

  static Transaction parseCsv(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 3) {
      throw new InputException(0, "a csv line has 3 columns, " + CSV_HEADER + ", got " + f.length);
    }
    return new Transaction(f[0].strip(), parseDate(f[1].strip()), amount(f[2].strip()));
  }

  /** A spend: a finite number, not negative. */
  private static double amount(String text) {
    double amount;
    try {
      amount = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InputException(0, "amount '" + text + "' is not a number");
    }
    if (!Double.isFinite(amount) || amount < 0) {
      throw new InputException(0, "amount " + text + " must be a finite number, not negative");
    }
    return amount;
  }

  /** ISO date, or ISO date-time with or without offset; the date is taken as written. */
  private static LocalDate parseDate(String text) {
    return text.length() > 10
        ? LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(text))
        : LocalDate.parse(text);
  }
}
