package org.broadsheet.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.comment.CommentService;

/**
 * A generated edition for benchmarks: articles "story-N" in five sections, with comments. As a
 * program, `GeneratedEdition DIR ARTICLES COMMENTS_PER_ARTICLE` writes one into a data folder
 * (bench/run serves it to flood the site with pages that really render).
 */
public final class GeneratedEdition {
  static final String[] SECTIONS = {"World", "Politics", "Business", "Science", "Culture"};

  private GeneratedEdition() {}

  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    int articles = Integer.parseInt(args[1]);
    int comments = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    try (Application site = Application.open(Location.resolve(data, null, Map.of()))) {
      long started = System.nanoTime();
      generate(site.articles(), site.comments(), articles, comments);
      System.out.printf(
          "generated edition: %,d articles, %,d comments in %.0f s%n",
          articles, (long) articles * comments, (System.nanoTime() - started) / 1e9);
    }
  }

  static void generate(
      ArticleService articleService, CommentService comments, int articles, int perArticle) {
    String body = paragraph().repeat(6);
    Instant base = Instant.parse("2020-01-01T00:00:00Z");
    for (int i = 0; i < articles; i++) {
      Instant published = base.plusSeconds(i * 600L);
      long id =
          articleService.save(
              new ArticleDraft(
                  "story-" + i,
                  "Kicker " + (i % 40),
                  "Generated Headline Number " + i + " About the Harbour",
                  "A standfirst for story " + i + ".",
                  body,
                  SECTIONS[i % SECTIONS.length],
                  List.of("tag-" + (i % 50), "tag-" + (i % 7)),
                  List.of("Author " + (i % 20)),
                  ArticleStatus.PUBLISHED,
                  published,
                  published,
                  null,
                  Map.of(),
                  null));
      List<CommentService.Seed> seeds = new ArrayList<>();
      for (int c = 0; c < perArticle; c++) {
        seeds.add(
            new CommentService.Seed(
                "c" + c,
                c > 0 && c % 3 == 0 ? "c" + (c - 1) : null,
                "Commenter " + c,
                "commenter" + (i * perArticle + c) + "@example.org",
                "",
                "Comment "
                    + c
                    + " on story "
                    + i
                    + ": the figures still differ, and the council should say why.",
                published.plusSeconds(60L * (c + 1))));
      }
      comments.seed(id, seeds);
    }
  }

  static String paragraph() {
    return "The council said the figures would be published on Friday, but residents' groups gave a"
        + " different count, and the regional authority declined to comment on either estimate."
        + " \"We will know more when the water falls,\" a spokesperson said.\n\n";
  }
}
