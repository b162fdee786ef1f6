package io.ltvengine.tools.backtest;

import io.ltvengine.model.BgNbd;
import io.ltvengine.model.data.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;

/**
 * A shop whose customers buy exactly as BG/NBD and Gamma-Gamma say, with population parameters
 * known to an oracle: shaped like CDNOW, first purchases spread over 12 weeks, 39 weeks of
 * calibration and 39 of holdout, purchase times in whole days.
 *
 * @param truth the buying process every customer follows
 */
public record SyntheticShop(List<Transaction> transactions, LocalDate calibrationEnd, LocalDate holdoutEnd, BgNbd truth) {

  /** CDNOW's BG/NBD and Gamma-Gamma estimates, in weeks. */
  public static final BgNbd CDNOW_BUYING = new BgNbd(0.243, 4.414, 0.793, 2.426);

  private static final double SPEND_P = 6.25;
  private static final double SPEND_Q = 3.74;
  private static final double SPEND_GAMMA = 15.44;
  private static final LocalDate START = LocalDate.of(2025, 1, 1);
  private static final int ACQUISITION_DAYS = 84;
  private static final int PERIOD_DAYS = 273;
  private static final double DAYS_PER_WEEK = 7;

  public static SyntheticShop generate(int customers, long seed) {
    RandomDataGenerator random = new RandomDataGenerator(seed);
    List<Transaction> transactions = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      customer("s-%07d".formatted(i), random, transactions);
    }
    return new SyntheticShop(transactions, START.plusDays(PERIOD_DAYS), START.plusDays(2 * PERIOD_DAYS), CDNOW_BUYING);
  }

  /** A first purchase, then purchases at rate lambda, each followed by dropout with probability p. */
  private static void customer(String id, RandomDataGenerator random, List<Transaction> transactions) {
    double lambda = random.nextGamma(CDNOW_BUYING.parameters().get("r"), 1 / CDNOW_BUYING.parameters().get("alpha"));
    double p = random.nextBeta(CDNOW_BUYING.parameters().get("a"), CDNOW_BUYING.parameters().get("b"));
    double spendRate = random.nextGamma(SPEND_Q, 1 / SPEND_GAMMA);
    int firstDay = random.nextInt(0, ACQUISITION_DAYS - 1);
    double horizonWeeks = (2 * PERIOD_DAYS - firstDay) / DAYS_PER_WEEK;
    transactions.add(purchase(id, firstDay, 0, random, spendRate));
    double weeks = random.nextExponential(1 / lambda);
    while (weeks <= horizonWeeks) {
      transactions.add(purchase(id, firstDay, weeks, random, spendRate));
      if (random.nextDouble() < p) {
        return;
      }
      weeks += random.nextExponential(1 / lambda);
    }
  }

  private static Transaction purchase(String id, int firstDay, double weeks, RandomDataGenerator random, double spendRate) {
    long day = firstDay + Math.round(weeks * DAYS_PER_WEEK);
    double amount = Math.round(random.nextGamma(SPEND_P, 1 / spendRate) * 100) / 100.0;
    return new Transaction(id, START.plusDays(day), amount);
  }
}
