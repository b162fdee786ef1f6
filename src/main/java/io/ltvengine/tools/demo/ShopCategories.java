package io.ltvengine.tools.demo;

import java.util.List;

/** The simulated shop's product categories. */
final class ShopCategories {

  /**
   * Acquisition campaigns favour some categories, and customers won by electronics spend more per
   * order than those won by groceries, so cohorts by first category differ in value.
   */
  record Category(
      String name, double acquisitionWeight, double repeatWeight, double spendFactor) {}

  static final List<Category> ALL = List.of(
      new Category("electronics", 0.30, 0.10, 1.8),
      new Category("fashion", 0.25, 0.20, 1.0),
      new Category("books", 0.10, 0.20, 0.5),
      new Category("home", 0.10, 0.15, 1.2),
      new Category("beauty", 0.10, 0.12, 0.7),
      new Category("sports", 0.07, 0.08, 1.1),
      new Category("toys", 0.05, 0.07, 0.8),
      new Category("grocery", 0.03, 0.08, 0.4));
  static final double[] ACQUISITION_WEIGHTS =
      ALL.stream().mapToDouble(Category::acquisitionWeight).toArray();
  static final double[] REPEAT_WEIGHTS =
      ALL.stream().mapToDouble(Category::repeatWeight).toArray();

  private ShopCategories() {}
}
