package io.ltvengine.valuation;

/** Where a customer's value ranks among their task's customers. */
public enum ValueTier {
  TOP_1("top-1%"),
  TOP_10("top-10%"),
  REST("rest");

  private final String label;

  ValueTier(String label) {
    this.label = label;
  }

  /** The audience's name in events, counts and reports. */
  public String label() {
    return label;
  }
}
