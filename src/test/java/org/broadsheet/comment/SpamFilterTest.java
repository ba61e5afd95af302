package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Measures the spam filter on a labelled set of 600 reader comments written for Broadsheet
 * (labelled-comments.tsv): it learns from 80% and is judged on the 20% it never saw.
 */
class SpamFilterTest {
  record Labelled(boolean spam, String text) {}

  /** The filter's memory kept in maps, as the database keeps it in tables. */
  static final class InMemory implements SpamFilter.Memory {
    final Map<String, int[]> counts = new HashMap<>();
    int spam;
    int ham;

    void learn(Labelled comment) {
      for (String token : SpamFilter.tokens("", "", comment.text())) {
        counts.computeIfAbsent(token, t -> new int[2])[comment.spam() ? 0 : 1]++;
      }
      if (comment.spam()) {
        spam++;
      } else {
        ham++;
      }
    }

    @Override
    public Map<String, SpamFilter.Counts> counts(Set<String> tokens) {
      Map<String, SpamFilter.Counts> found = new HashMap<>();
      for (String token : tokens) {
        int[] c = counts.get(token);
        if (c != null) {
          found.put(token, new SpamFilter.Counts(c[0], c[1]));
        }
      }
      return found;
    }

    @Override
    public SpamFilter.Counts totals() {
      return new SpamFilter.Counts(spam, ham);
    }
  }

  static List<Labelled> corpus() throws IOException {
    try (InputStream in = SpamFilterTest.class.getResourceAsStream("labelled-comments.tsv")) {
      List<Labelled> comments = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] columns = lines[i].split("\t", 2);
        comments.add(new Labelled(columns[0].equals("spam"), columns[1]));
      }
      return comments;
    }
  }

  @Test
  void filterIsPreciseAndFindsMostSpamOnCommentsItNeverSaw() throws IOException {
    List<Labelled> comments = corpus();
    assertThat(comments).hasSize(600);
    Collections.shuffle(comments, new Random(7));
    int split = comments.size() * 4 / 5;
    InMemory memory = new InMemory();
    comments.subList(0, split).forEach(memory::learn);

    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    double threshold = 0.9;
    for (Labelled comment : comments.subList(split, comments.size())) {
      boolean flagged =
          SpamFilter.spamProbability(SpamFilter.tokens("", "", comment.text()), memory)
              >= threshold;
      if (flagged && comment.spam()) {
        truePositives++;
      } else if (flagged) {
        falsePositives++;
      } else if (comment.spam()) {
        falseNegatives++;
      }
    }
    double precision = truePositives / (double) (truePositives + falsePositives);
    double recall = truePositives / (double) (truePositives + falseNegatives);
    System.out.printf(
        "Spam filter on %d held-out comments at threshold %.2f: precision %.3f, recall %.3f (%d caught, %d false alarms, %d missed)%n",
        comments.size() - split,
        threshold,
        precision,
        recall,
        truePositives,
        falsePositives,
        falseNegatives);
    assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.95);
    assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.80);
  }

  @Test
  void filterAbstainsUntilItHasLearntEnough() {
    InMemory memory = new InMemory();
    memory.learn(new Labelled(true, "cheap pills http://pills.example"));
    assertThat(SpamFilter.spamProbability(SpamFilter.tokens("", "", "cheap pills"), memory))
        .isEqualTo(0.5);
  }
}
