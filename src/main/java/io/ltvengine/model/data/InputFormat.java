package io.ltvengine.model.data;

/** Layouts of transaction files that {@link TransactionReader} understands. */
public enum InputFormat {
  /**
   * Whitespace-separated CDNOW layout, optional header: {@code id yyyymmdd units value}, or {@code
   * masterId id yyyymmdd units value} (the second column is then the customer id).
   */
  CDNOW,
  /** CSV with header {@code customer_id,date,amount}; ISO date or ISO date-time. */
  CSV
}
