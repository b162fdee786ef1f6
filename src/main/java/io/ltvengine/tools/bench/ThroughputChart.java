package io.ltvengine.tools.bench;

import java.util.List;
import java.util.Locale;

/** A bar chart of baseline, peer and engine throughput per guarantee, as a standalone SVG. */
final class ThroughputChart {

  private static final int BAR = 60;
  private static final int GAP = 12;
  private static final int GROUP_GAP = 50;
  private static final int PLOT_HEIGHT = 260;
  private static final int TOP = 50;
  private static final int LEFT = 40;
  private static final String[] LABELS = {"baseline", "peer", "engine"};
  private static final String[] COLOURS = {"#9e9e9e", "#5c8ecb", "#e07b39"};

  private ThroughputChart() {}

  static String svg(BenchReport report) {
    List<GuaranteeResult> groups = report.guarantees();
    double max = groups.stream().mapToDouble(GuaranteeResult::baselineOrdersPerSec).max().orElse(1);
    for (GuaranteeResult g : groups) {
      max = Math.max(max, Math.max(g.peerOrdersPerSec(), g.appOrdersPerSec()));
    }
    int groupWidth = 3 * BAR + 2 * GAP;
    int width = LEFT * 2 + groups.size() * groupWidth + (groups.size() - 1) * GROUP_GAP;
    int height = TOP + PLOT_HEIGHT + 60;
    StringBuilder svg = new StringBuilder();
    svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
    svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    svg.append(format("<text x=\"%d\" y=\"24\" font-size=\"15\">Orders per second, %,d orders, %d partitions"
        + " (higher is better)</text>%n", LEFT, report.options().orders(), report.options().partitions()));
    for (int i = 0; i < groups.size(); i++) {
      GuaranteeResult g = groups.get(i);
      int x = LEFT + i * (groupWidth + GROUP_GAP);
      double[] values = {g.baselineOrdersPerSec(), g.peerOrdersPerSec(), g.appOrdersPerSec()};
      for (int bar = 0; bar < 3; bar++) {
        int barHeight = (int) Math.round(PLOT_HEIGHT * values[bar] / max);
        int barX = x + bar * (BAR + GAP);
        int barY = TOP + PLOT_HEIGHT - barHeight;
        svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
            barX, barY, BAR, barHeight, COLOURS[bar]));
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%,.0f</text>%n",
            barX + BAR / 2, barY - 4, values[bar]));
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            barX + BAR / 2, TOP + PLOT_HEIGHT + 16, LABELS[bar]));
      }
      svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>%n",
          x + groupWidth / 2, TOP + PLOT_HEIGHT + 36, g.guarantee()));
    }
    svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
        LEFT - 10, TOP + PLOT_HEIGHT, width - LEFT + 10, TOP + PLOT_HEIGHT));
    return svg.append("</svg>\n").toString();
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
