package io.ltvengine.valuation;

/** The buying rhythm of the customers of one task: what one-time buyers are judged by. */
public interface Population {

  double meanGapDays();

  /** A repeat purchase came {@code gapMillis} after the customer's previous one. */
  void addGap(long gapMillis);

  /** A population that is only read, as queries read it. */
  static Population readOnly(double meanGapDays) {
    return new Population() {
      @Override
      public double meanGapDays() {
        return meanGapDays;
      }

      @Override
      public void addGap(long gapMillis) {
        throw new UnsupportedOperationException("A read-only population learns no gaps");
      }
    };
  }
}
