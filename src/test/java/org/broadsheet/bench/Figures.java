package org.broadsheet.bench;

import java.util.Arrays;

/** Percentiles of measured durations, printed the same way by every benchmark. */
final class Figures {
  private Figures() {}

  static double percentile(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
  }
}
