package org.broadsheet.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.broadsheet.proofread.Proofreader;
import org.broadsheet.proofread.Proofreading;

/**
 * Proofreading speed: how long the language model takes to load in a fresh process, then how long a
 * check of a 1,000-word article written for this benchmark takes once it is loaded (headline,
 * kicker, standfirst, caption and body, as `./broadsheet proofread` reads the file). The target is
 * a check in under a second, fast enough to run while an editor types.
 */
public final class ProofreadBench {
  private ProofreadBench() {}

  public static void main(String[] args) throws Exception {
    int checks = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    String article;
    try (InputStream in = ProofreadBench.class.getResourceAsStream("proofread-article.md")) {
      article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int words = article.split("\\s+").length;
    Proofreader proofreader = Proofreader.withoutSite(Map.of());

    var process =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long loadStart = System.nanoTime();
    long loadCpuStart = process.getProcessCpuTime();
    proofreader.awaitModel();
    long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
    long loadCpuMillis = (process.getProcessCpuTime() - loadCpuStart) / 1_000_000;
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);

    long firstStart = System.nanoTime();
    int findings = findings(proofreader.checkMarkdown("proofread-article.md", article));
    double firstMillis = (System.nanoTime() - firstStart) / 1_000_000.0;

    // Whole articles never seen before: every sentence is checked.
    long[] nanos = new long[checks];
    long[] cpu = new long[checks];
    for (int i = 0; i < checks; i++) {
      String fresh =
          article.replace("the ", "the " + "ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(i % 26) + i + " ");
      long start = System.nanoTime();
      long cpuStart = process.getProcessCpuTime();
      findings(proofreader.checkMarkdown("proofread-article.md", fresh));
      cpu[i] = process.getProcessCpuTime() - cpuStart;
      nanos[i] = System.nanoTime() - start;
    }
    // As while typing: one word changes between checks, the other sentences were checked before.
    long[] typing = new long[checks];
    String draft = article;
    for (int i = 0; i < checks; i++) {
      draft = draft.replaceFirst("six months", "six months " + "abcdefghij".charAt(i % 10));
      long start = System.nanoTime();
      findings(proofreader.checkMarkdown("proofread-article.md", draft));
      typing[i] = System.nanoTime() - start;
    }
    System.out.printf(
        "proofread: model load (en-GB, fresh process) %,d ms (process CPU %,d ms), heap after load"
            + " %d MB%n",
        loadMillis, loadCpuMillis, heapMb);
    System.out.printf(
        "proofread: check of a %,d-word article (%d findings): first %.0f ms; %d unseen articles p50"
            + " %.0f ms, p95 %.0f ms (process CPU p50 %.0f ms); while typing (one word changed) p50 %.0f ms,"
            + " p95 %.0f ms%n",
        words,
        findings,
        firstMillis,
        checks,
        Figures.percentile(nanos, 50),
        Figures.percentile(nanos, 95),
        Figures.percentile(cpu, 50),
        Figures.percentile(typing, 50),
        Figures.percentile(typing, 95));
  }

  private static int findings(Proofreading outcome) {
    return switch (outcome) {
      case Proofreading.Checked checked -> checked.findings().size();
      case Proofreading.Refused refused -> throw new IllegalStateException(refused.reason());
    };
  }
}
