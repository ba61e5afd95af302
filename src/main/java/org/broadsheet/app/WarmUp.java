package org.broadsheet.app;

import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticlePages;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.BelowTheArticle;
import org.broadsheet.article.BodyRenderer;
import org.broadsheet.storage.Database;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.ReaderRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work done once per process, the first time a library is used (loading native code, building
 * parsers, compiling the page path), moved onto the second core while the first one does the
 * start-up's own steps: a site serving its first page sooner after a restart is what a newsroom
 * feels during a deploy. Nothing here changes what the site does; a step that fails is only logged,
 * and the real step runs as if it had never been tried.
 */
final class WarmUp {
  private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

  private WarmUp() {}

  /**
   * The libraries every start needs, readied while the command line is read and the database
   * opened: the SQLite driver and Jdbi, JSON, Markdown and the HTML sanitizer, search, Javalin.
   */
  static void libraries() {
    inBackground("warm-up-libraries", librarySteps());
  }

  static List<Runnable> librarySteps() {
    return List.of(
        Database::loadDrivers,
        () -> new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(),
        () -> new BodyRenderer().render("A *short* \"body\" -- with [a link](/).\n", Map.of()),
        () -> new org.apache.lucene.analysis.standard.StandardAnalyzer().close(),
        org.apache.lucene.codecs.Codec::getDefault,
        () -> io.javalin.Javalin.create(config -> {}));
  }

  /**
   * The page path, rehearsed on the newest article while the web server starts: its queries,
   * templates, related stories and compression, so the first reader does not pay for them. The page
   * made is thrown away; nothing is cached or sent.
   */
  static void pagePath(
      ArticleService articles, ArticlePages pages, BelowTheArticle below, PageCache cache) {
    inBackground(
        "warm-up-pages",
        List.of(
            () ->
                articles.newest(1).stream()
                    .findFirst()
                    .ifPresent(
                        article ->
                            cache.rehearse(
                                pages.render(article, below.below(article, ReaderRequest.NONE))))));
  }

  private static void inBackground(String name, List<Runnable> steps) {
    Thread.ofPlatform()
        .daemon()
        .name(name)
        .start(
            () -> {
              for (Runnable step : steps) {
                try {
                  step.run();
                } catch (RuntimeException | LinkageError e) {
                  log.debug(
                      "A warm-up step failed; the real one will do the work: {}", e.toString());
                }
              }
            });
  }
}
