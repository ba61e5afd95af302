package org.broadsheet.bench;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.broadsheet.article.ArticleService;
import org.broadsheet.comment.CommentService;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;

/**
 * Heap after loading a large generated edition (10,000 articles, 100,000 comments) and serving
 * every article, section, tag and author page once. Run it with the heap limit to prove, e.g.
 * -Xmx512m.
 */
public final class LargeEditionBench {
  private static final String[] SECTIONS = GeneratedEdition.SECTIONS;

  private LargeEditionBench() {}

  public static void main(String[] args) throws Exception {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int commentsPerArticle = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      ArticleService articleService = site.application().articles();
      CommentService comments = site.application().comments();
      long started = System.nanoTime();
      GeneratedEdition.generate(articleService, comments, articles, commentsPerArticle);
      System.out.printf(
          "large edition: %,d articles and %,d comments generated in %.0f s%n",
          articles, articles * commentsPerArticle, (System.nanoTime() - started) / 1e9);

      site.serve();
      List<String> paths = new ArrayList<>();
      paths.add("/");
      for (int i = 0; i < articles; i++) {
        paths.add("/articles/story-" + i);
      }
      int perSection = (articles + SECTIONS.length - 1) / SECTIONS.length;
      for (String section : SECTIONS) {
        for (int page = 1; page <= (perSection + 9) / 10; page++) {
          paths.add("/section/" + section.toLowerCase() + (page > 1 ? "?page=" + page : ""));
        }
      }
      for (int t = 0; t < 50; t++) {
        paths.add("/tag/tag-" + t);
      }
      for (int a = 0; a < 20; a++) {
        paths.add("/author/author-" + a);
      }
      HttpClient http = HttpClient.newHttpClient();
      started = System.nanoTime();
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        List<Future<Integer>> statuses = new ArrayList<>();
        for (String path : paths) {
          statuses.add(
              pool.submit(
                  () ->
                      http.send(
                              HttpRequest.newBuilder(URI.create(site.url(path))).build(),
                              HttpResponse.BodyHandlers.discarding())
                          .statusCode()));
        }
        for (Future<Integer> status : statuses) {
          if (status.get() != 200) {
            throw new IllegalStateException("A page failed with " + status.get());
          }
        }
      }
      System.out.printf(
          "served %,d pages once in %.0f s%n", paths.size(), (System.nanoTime() - started) / 1e9);
      System.gc();
      Thread.sleep(500);
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      long direct =
          ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
              .filter(pool -> pool.getName().equals("direct"))
              .mapToLong(BufferPoolMXBean::getMemoryUsed)
              .sum();
      System.out.printf(
          "heap after loading and serving the large edition: %,d MB used (max %,d MB); page cache off-heap: %,d MB%n",
          heap >> 20, Runtime.getRuntime().maxMemory() >> 20, direct >> 20);
    }
  }
}
