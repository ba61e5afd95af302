package org.broadsheet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.search.SearchOutcome;
import org.broadsheet.search.SearchQuery;
import org.broadsheet.search.SearchService;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;

/**
 * Search over a large edition: generates 100,000 articles (by default) from the demo edition's
 * sentences and words, builds the index from the database as `./broadsheet search reindex` does,
 * then times a mix of realistic searches through the search service (query, recency boost,
 * highlighting of a page of ten results, suggestions for misspellings), in process.
 */
public final class SearchBench {
  private static final String[] SECTIONS = {"World", "Politics", "Business", "Science", "Culture"};

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int searches = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    Corpus corpus = Corpus.read(Path.of("src/main/resources/demo/articles"));
    Random random = new Random(42);
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      ArticleService articles = site.application().articles();
      long started = System.nanoTime();
      Instant now = Instant.now();
      for (int i = 0; i < count; i++) {
        Instant published = now.minus(Duration.ofMinutes(15L * i + 1));
        articles.save(
            new ArticleDraft(
                "story-" + i,
                corpus.words(random, 1, 2),
                corpus.headline(random),
                corpus.sentence(random),
                corpus.body(random),
                SECTIONS[random.nextInt(SECTIONS.length)],
                List.of(corpus.word(random, 300), corpus.word(random, 300)),
                List.of("Author " + random.nextInt(60)),
                ArticleStatus.PUBLISHED,
                published,
                published,
                null,
                Map.of(),
                null));
      }
      System.out.printf(
          "search: %,d articles generated in %.0f s%n", count, (System.nanoTime() - started) / 1e9);

      SearchService search = site.application().search();
      SearchService.Reindexed built = search.reindex();
      long bytes;
      try (Stream<Path> files = Files.walk(site.dataFolder().resolve("search-index"))) {
        bytes = files.filter(Files::isRegularFile).mapToLong(SearchBench::size).sum();
      }
      System.out.printf(
          "search: index of %,d articles built from the database in %.1f s (%.0f articles/s), %,d MB on disk%n",
          built.articles(),
          built.took().toMillis() / 1000.0,
          built.articles() / (built.took().toMillis() / 1000.0),
          bytes >> 20);

      search.start();
      while (search.search(SearchQuery.of("ready"), 10, java.time.ZoneOffset.UTC)
          instanceof SearchOutcome.Rebuilding) {
        Thread.sleep(50);
      }
      List<SearchQuery> queries = corpus.queries(random, 400, now);
      for (int i = 0; i < 1_000; i++) {
        search.search(queries.get(i % queries.size()), 10, java.time.ZoneOffset.UTC);
      }
      long[] nanos = new long[searches];
      long[] cpu = new long[searches];
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long hits = 0;
      for (int i = 0; i < searches; i++) {
        SearchQuery query = queries.get(i % queries.size());
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        SearchOutcome outcome = search.search(query, 10, java.time.ZoneOffset.UTC);
        nanos[i] = System.nanoTime() - start;
        cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        if (outcome instanceof SearchOutcome.Found found) {
          hits += found.results().total();
        }
      }
      System.out.printf(
          "search: %,d searches of %d kinds over %,d articles (10 results a page, highlighted): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (mean %,d matches counted, counting stops at 1,000)%n",
          searches,
          queries.size(),
          count,
          Figures.percentile(nanos, 50),
          Figures.percentile(nanos, 95),
          Figures.percentile(nanos, 99),
          hits / searches);
      System.out.printf(
          "search: CPU time per search (the same searches, unaffected by other work on the machine): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
          Figures.percentile(cpu, 50), Figures.percentile(cpu, 95), Figures.percentile(cpu, 99));
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** The demo edition's sentences and words, most frequent first. */
  private record Corpus(List<String> sentences, List<String> vocabulary) {
    static Corpus read(Path folder) throws Exception {
      List<String> sentences = new ArrayList<>();
      Map<String, Integer> counts = new HashMap<>();
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
          String text = Files.readString(file);
          String body = text.substring(text.indexOf("\n---", 3) + 4);
          for (String sentence : body.replaceAll("[>#*\\[\\]{}<]", " ").split("(?<=[.!?])\\s+")) {
            String clean = sentence.strip().replaceAll("\\s+", " ");
            if (clean.length() > 30) {
              sentences.add(clean);
            }
            for (String word : clean.toLowerCase().split("[^a-z]+")) {
              if (word.length() >= 4) {
                counts.merge(word, 1, Integer::sum);
              }
            }
          }
        }
      }
      List<String> vocabulary =
          counts.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
              .map(Map.Entry::getKey)
              .toList();
      return new Corpus(sentences, vocabulary);
    }

    /** A word, the frequent ones far more often (a Zipf-like pick among the first {@code top}). */
    String word(Random random, int top) {
      int limit = Math.min(top, vocabulary.size());
      int rank = (int) Math.floor(Math.pow(limit, random.nextDouble())) - 1;
      return vocabulary.get(Math.max(0, rank));
    }

    String words(Random random, int min, int max) {
      int n = min + random.nextInt(max - min + 1);
      List<String> words = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        words.add(word(random, vocabulary.size()));
      }
      String joined = String.join(" ", words);
      return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    String headline(Random random) {
      return words(random, 5, 9);
    }

    String sentence(Random random) {
      return sentences.get(random.nextInt(sentences.size()));
    }

    String body(Random random) {
      StringBuilder body = new StringBuilder();
      int paragraphs = 4 + random.nextInt(5);
      for (int p = 0; p < paragraphs; p++) {
        for (int s = 0; s < 3; s++) {
          body.append(sentence(random)).append(' ');
        }
        body.append("\n\n");
      }
      return body.toString();
    }

    /**
     * What readers type: one common or rarer word, two or three words, a quoted phrase, a
     * misspelling, and the same narrowed by section, by date or asked for page 2.
     */
    List<SearchQuery> queries(Random random, int n, Instant now) {
      List<SearchQuery> queries = new ArrayList<>();
      LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
      for (int i = 0; i < n; i++) {
        String text =
            switch (i % 6) {
              case 0 -> word(random, 100);
              case 1 -> word(random, vocabulary.size());
              case 2 -> word(random, 500) + " " + word(random, 500);
              case 3 -> word(random, 300) + " " + word(random, 300) + " " + word(random, 1000);
              case 4 -> {
                String[] words = sentence(random).split(" ");
                int at = random.nextInt(Math.max(1, words.length - 3));
                yield "\""
                    + String.join(" ", List.of(words).subList(at, Math.min(words.length, at + 3)))
                    + "\"";
              }
              default -> {
                String word = word(random, 400);
                int cut = 1 + random.nextInt(word.length() - 2);
                yield word.substring(0, cut) + word.substring(cut + 1);
              }
            };
        String section = i % 5 == 0 ? SECTIONS[random.nextInt(SECTIONS.length)].toLowerCase() : "";
        LocalDate from = i % 7 == 0 ? today.minusDays(365) : null;
        int page = i % 11 == 0 ? 2 : 1;
        queries.add(new SearchQuery(text, section, "", from, null, page));
      }
      return queries;
    }
  }
}
