package org.broadsheet.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.DeskArticle;
import org.broadsheet.article.Revision;
import org.broadsheet.article.RevisionDiff;
import org.broadsheet.audit.Actor;
import org.broadsheet.newsroom.ArticleWorkflow;
import org.broadsheet.newsroom.Role;
import org.broadsheet.settings.SiteSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "articles",
    mixinStandardHelpOptions = true,
    description = {
      "Lists articles in every state and moves them through the workflow: publish, schedule,",
      "unpublish, trash, restore; shows its revisions. A running site shows each change at once (pages, feeds,",
      "search, sitemaps); each is kept in the article's revisions and in the audit log as",
      "made from the command line."
    },
    subcommands = {
      ArticlesCommand.ListArticles.class,
      ArticlesCommand.Publish.class,
      ArticlesCommand.Schedule.class,
      ArticlesCommand.Unpublish.class,
      ArticlesCommand.Trash.class,
      ArticlesCommand.Restore.class,
      ArticlesCommand.History.class,
      ArticlesCommand.Diff.class
    })
final class ArticlesCommand implements Runnable {
  /** The most articles one list prints. */
  static final int LIST_LIMIT = 10_000;

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // Accepted here too, so --data may stand anywhere on the command line.
  @Mixin SiteOptions site;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists articles, the most recently changed first (at most 10,000).")
  static final class ListArticles implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Option(
        names = "--status",
        paramLabel = "STATE",
        description =
            "Only articles in this state: draft, in-review, scheduled, published, unpublished or"
                + " trash.")
    String status;

    @Option(
        names = "--json",
        description =
            "Print JSON for scripts: slug, status, headline, section, authors, publishedAt,"
                + " updatedAt, version.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      ArticleStatus wanted = null;
      if (status != null) {
        wanted =
            ArticleStatus.parse(status)
                .orElseThrow(
                    () ->
                        new Refusal(
                            "no state \""
                                + status.strip()
                                + "\"; it must be "
                                + ArticleStatus.choices()));
      }
      try (Application application = site.open()) {
        List<DeskArticle> articles = application.articles().desk(wanted, LIST_LIMIT);
        if (json) {
          List<Map<String, Object>> rows =
              articles.stream()
                  .map(
                      article -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("slug", article.slug());
                        row.put("status", article.status().word());
                        row.put("headline", article.headline());
                        row.put("section", article.section());
                        row.put("authors", article.authorSlugs());
                        row.put("publishedAt", article.publishedAt());
                        row.put("updatedAt", article.updatedAt());
                        row.put("version", article.version());
                        return row;
                      })
                  .toList();
          System.out.println(CommentsCommand.json().writeValueAsString(rows));
          return 0;
        }
        ZoneId zone = SiteSettings.from(application.settings()).timeZone();
        for (DeskArticle article : articles) {
          System.out.printf(
              "%-12s %s  %-40s %s%n",
              article.status().word(),
              SHOWN.format(article.publishedAt().atZone(zone)),
              article.slug(),
              article.headline());
        }
        if (articles.isEmpty()) {
          System.out.println(
              wanted == null ? "No articles yet." : "No articles are " + wanted.word() + ".");
        }
        return 0;
      }
    }
  }

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = {
        "Publishes the article now: a draft, one in review or a scheduled one is dated now;",
        "an unpublished one is published again with its first date."
      })
  static final class Publish implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "SLUG")
    String slug;

    @Override
    public Integer call() {
      return move(site, slug, ArticleStatus.PUBLISHED, null, "publish", "Published %s.");
    }
  }

  @Command(
      name = "schedule",
      mixinStandardHelpOptions = true,
      description = {
        "Schedules the article to be published at a time to come, in the site's time zone",
        "(site.time_zone) unless an offset is given: \"2026-12-01 08:00\", 2026-12-01T08:00,",
        "2026-12-01T08:00+01:00. A running site publishes it then; one started later, at once."
      })
  static final class Schedule implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "SLUG")
    String slug;

    @Parameters(index = "1", paramLabel = "TIME")
    String time;

    @Override
    public Integer call() {
      return move(site, slug, ArticleStatus.SCHEDULED, time, "schedule", "Scheduled %s for %s.");
    }
  }

  @Command(
      name = "unpublish",
      mixinStandardHelpOptions = true,
      description = "Takes a published article down: its page answers 410 Gone.")
  static final class Unpublish implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "SLUG")
    String slug;

    @Override
    public Integer call() {
      return move(site, slug, ArticleStatus.UNPUBLISHED, null, "unpublish", "Unpublished %s.");
    }
  }

  @Command(
      name = "trash",
      mixinStandardHelpOptions = true,
      description = "Moves the article to the trash, from any state; restore brings it back.")
  static final class Trash implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "SLUG")
    String slug;

    @Override
    public Integer call() {
      return move(site, slug, ArticleStatus.TRASH, null, "trash", "Moved %s to the trash.");
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = "Brings an article back from the trash, as a draft.")
  static final class Restore implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "SLUG")
    String slug;

    @Override
    public Integer call() {
      return move(
          site,
          slug,
          ArticleStatus.DRAFT,
          null,
          "restore",
          "Restored %s from the trash as a draft.");
    }
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = "Lists the article's revisions, newest first: version, when, who, what.")
  static final class History implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "SLUG")
    String slug;

    @Option(
        names = "--json",
        description = "Print JSON for scripts: id, version, savedAt, actor, what.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      try (Application application = site.open()) {
        DeskArticle article =
            application
                .articles()
                .desk(slug.strip())
                .orElseThrow(() -> new Refusal("no article has the slug \"" + slug.strip() + "\""));
        List<Revision> revisions = application.articles().revisions(article.id());
        if (json) {
          List<Map<String, Object>> rows =
              revisions.stream()
                  .map(
                      revision -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", revision.id());
                        row.put("version", revision.version());
                        row.put("savedAt", revision.savedAt());
                        row.put("actor", revision.actor());
                        row.put("what", revision.what());
                        return row;
                      })
                  .toList();
          System.out.println(CommentsCommand.json().writeValueAsString(rows));
          return 0;
        }
        ZoneId zone = SiteSettings.from(application.settings()).timeZone();
        for (Revision revision : revisions) {
          System.out.printf(
              "revision %-6d v%-4d %s  %-32s %s%n",
              revision.id(),
              revision.version(),
              SHOWN.format(revision.savedAt().atZone(zone)),
              revision.actor(),
              revision.what());
        }
        if (revisions.isEmpty()) {
          System.out.println("No revisions kept yet; the next save keeps the first.");
        }
        return 0;
      }
    }
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = {
        "What changed between two revisions of one article (ids from history), field by",
        "field; the body and other fields of several lines as a line diff."
      })
  static final class Diff implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(index = "0", paramLabel = "REVISION")
    long first;

    @Parameters(index = "1", paramLabel = "REVISION")
    long second;

    @Override
    public Integer call() {
      try (Application application = site.open()) {
        RevisionDiff diff =
            application
                .articles()
                .diff(first, second)
                .orElseThrow(
                    () ->
                        new Refusal(
                            "revisions "
                                + first
                                + " and "
                                + second
                                + " are not two revisions of one article"));
        System.out.printf(
            "From revision %d (v%d) to revision %d (v%d):%n",
            diff.from().id(), diff.from().version(), diff.to().id(), diff.to().version());
        for (RevisionDiff.FieldChange change : diff.changes()) {
          System.out.println(change.field() + ":");
          if (change.lines().isEmpty()) {
            System.out.println("- " + change.before());
            System.out.println("+ " + change.after());
          } else {
            change.lines().forEach(System.out::println);
          }
        }
        if (diff.changes().isEmpty()) {
          System.out.println("No field differs.");
        }
        return 0;
      }
    }
  }

  /**
   * Moves the article as an administrator at the command line would: the workflow's rule decides
   * whether the move exists; the audit log records it.
   */
  private static int move(
      SiteOptions site, String slug, ArticleStatus to, String time, String action, String done) {
    try (Application application = site.open()) {
      ArticleService articles = application.articles();
      DeskArticle article =
          articles
              .desk(slug.strip())
              .orElseThrow(() -> new Refusal("no article has the slug \"" + slug.strip() + "\""));
      ArticleStatus from = article.status();
      if (action.equals("restore") && from != ArticleStatus.TRASH) {
        throw new Refusal(
            "only an article in the trash can be restored; \""
                + article.slug()
                + "\" is "
                + from.word());
      }
      if (!ArticleWorkflow.mayMove(Role.ADMINISTRATOR, true, from, to)) {
        throw new Refusal(ArticleWorkflow.refusal(Role.ADMINISTRATOR, true, from, to));
      }
      org.broadsheet.article.Actor actor = org.broadsheet.article.Actor.commandLine();
      ZoneId zone = SiteSettings.from(application.settings()).timeZone();
      ArticleService.MoveOutcome outcome =
          to == ArticleStatus.SCHEDULED
              ? articles.schedule(article.id(), from, time(time, zone), actor)
              : articles.move(article.id(), from, to, actor);
      return switch (outcome) {
        case ArticleService.MoveOutcome.Moved moved -> {
          application
              .audit()
              .record(
                  Actor.commandLine(),
                  "article." + action,
                  moved.article().slug(),
                  moved.from().word() + " → " + moved.article().status().word());
          System.out.println(
              done.formatted(
                  moved.article().slug(),
                  SHOWN.format(moved.article().publishedAt().atZone(zone)) + " " + zone));
          yield 0;
        }
        case ArticleService.MoveOutcome.Refused refused -> throw new Refusal(refused.reason());
        case ArticleService.MoveOutcome.NotFound notFound ->
            throw new Refusal("no article has the slug \"" + slug.strip() + "\"");
      };
    }
  }

  /** A time as an operator writes it: in the site's zone, unless it carries an offset. */
  static Instant time(String text, ZoneId zone) {
    String written = text.strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(written).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(written).atZone(zone).toInstant();
      } catch (DateTimeException e) {
        throw new Refusal(
            "\""
                + text.strip()
                + "\" is not a time; write it as 2026-12-01 08:00 (in "
                + zone
                + ") or 2026-12-01T08:00+01:00");
      }
    }
  }
}
