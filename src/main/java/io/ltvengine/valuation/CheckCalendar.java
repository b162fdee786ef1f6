package io.ltvengine.valuation;

/** Where each customer's next churn check is booked. */
public interface CheckCalendar {

  void book(long checkAt, String customerId);

  void cancel(long checkAt, String customerId);
}
