package org.broadsheet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import org.broadsheet.audit.Actor;
import org.broadsheet.comment.CommentContext;
import org.broadsheet.comment.CommentModeration;
import org.broadsheet.comment.CommentStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "comments",
    mixinStandardHelpOptions = true,
    description = "Moderates comments; a running site shows the changes at once.",
    subcommands = {
      CommentsCommand.ListComments.class,
      CommentsCommand.Approve.class,
      CommentsCommand.Spam.class,
      CommentsCommand.Trash.class,
      CommentsCommand.Restore.class,
      CommentsCommand.Dismiss.class,
      CommentsCommand.Show.class,
      CommentsCommand.Export.class,
      CommentsCommand.Erase.class,
      CommentsCommand.Close.class,
      CommentsCommand.Open.class
    })
final class CommentsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // Accepted here too, so --data may stand anywhere on the command line.
  @Mixin SiteOptions site;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static ObjectMapper json() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists comments, newest first.")
  static final class ListComments implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Option(
        names = "--status",
        paramLabel = "STATUS",
        description = "Only comments that are held, approved, spam or trash.")
    String status;

    @Option(
        names = "--article",
        paramLabel = "SLUG",
        description = "Only comments on this article.")
    String article;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "100",
        description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(
        names = "--json",
        description =
            "Print JSON for scripts: id, status, article, parent, authorName, time, text.")
    boolean asJson;

    @Override
    public Integer call() throws Exception {
      CommentStatus wanted = null;
      if (status != null) {
        wanted = CommentStatus.parse(status).orElse(null);
        if (wanted == null) {
          System.err.println("broadsheet: --status must be held, approved, spam or trash");
          return 2;
        }
      }
      try (Application application = site.open()) {
        if (article != null && application.articles().idOf(article).isEmpty()) {
          System.err.println("broadsheet: no article has the slug \"" + article + "\"");
          return 2;
        }
        List<CommentModeration.Entry> entries =
            application.moderation().list(wanted, article, limit);
        if (asJson) {
          System.out.println(json().writeValueAsString(entries));
          return 0;
        }
        for (CommentModeration.Entry entry : entries) {
          String text = entry.text().replaceAll("\\s+", " ");
          System.out.printf(
              "%6d  %-8s  %s  %-30s  %s: %s%n",
              entry.id(),
              entry.status(),
              entry.time(),
              entry.article(),
              entry.authorName(),
              text.length() > 80 ? text.substring(0, 79) + "…" : text);
        }
        if (entries.isEmpty()) {
          System.out.println("No comments.");
        }
        return 0;
      }
    }
  }

  /** The four decisions share their shape: ids in, one line per comment out. */
  abstract static class Decide implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Comment ids.")
    List<Long> ids;

    abstract CommentModeration.Decision decision();

    @Override
    public Integer call() {
      try (Application application = site.open()) {
        int missing = 0;
        for (CommentModeration.Result result :
            application.moderation().decide(Actor.commandLine(), decision(), ids)) {
          switch (result) {
            case CommentModeration.Result.Changed changed -> {
              System.out.printf(
                  "%d: %s -> %s%n", changed.id(), changed.from().word(), changed.to().word());
            }
            case CommentModeration.Result.NotFound notFound -> {
              missing++;
              System.err.printf("broadsheet: no comment has the id %d%n", notFound.id());
            }
          }
        }
        return missing == 0 ? 0 : 1;
      }
    }
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = "Publishes comments and teaches the spam filter they are not spam.")
  static final class Approve extends Decide {
    @Override
    CommentModeration.Decision decision() {
      return CommentModeration.Decision.APPROVE;
    }
  }

  @Command(
      name = "spam",
      mixinStandardHelpOptions = true,
      description = "Files comments as spam and teaches the spam filter.")
  static final class Spam extends Decide {
    @Override
    CommentModeration.Decision decision() {
      return CommentModeration.Decision.SPAM;
    }
  }

  @Command(
      name = "trash",
      mixinStandardHelpOptions = true,
      description = "Moves comments to the trash; they are kept until erased.")
  static final class Trash extends Decide {
    @Override
    CommentModeration.Decision decision() {
      return CommentModeration.Decision.TRASH;
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = "Takes comments out of spam or trash and holds them for a fresh decision.")
  static final class Restore extends Decide {
    @Override
    CommentModeration.Decision decision() {
      return CommentModeration.Decision.RESTORE;
    }
  }

  @Command(
      name = "dismiss",
      mixinStandardHelpOptions = true,
      description =
          "Dismisses readers' open reports of comments, leaving the comments as they are.")
  static final class Dismiss extends Decide {
    @Override
    CommentModeration.Decision decision() {
      return CommentModeration.Decision.DISMISS_REPORTS;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Shows one comment with its context: article, the comment it answers, website, earlier"
              + " approved comments from its email, spam probability and open reports.")
  static final class Show implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(paramLabel = "ID", description = "The comment's id.")
    long id;

    @Option(names = "--json", description = "Print the comment and its context as JSON.")
    boolean asJson;

    @Override
    public Integer call() throws Exception {
      try (Application application = site.open()) {
        Optional<CommentContext> found = application.moderation().queue().context(id);
        if (found.isEmpty()) {
          System.err.printf("broadsheet: no comment has the id %d%n", id);
          return 2;
        }
        CommentContext comment = found.get();
        if (asJson) {
          System.out.println(json().writeValueAsString(comment));
          return 0;
        }
        System.out.printf(
            "Comment %d (%s)%s%n",
            comment.id(), comment.status(), comment.staff() ? ", the newsroom's reply" : "");
        System.out.printf(
            "Article:           %s (%s)%n", comment.article().headline(), comment.article().slug());
        System.out.printf("Written:           %s%n", comment.time());
        System.out.printf(
            "By:                %s <%s>%n", comment.authorName(), comment.authorEmail());
        System.out.printf(
            "Website:           %s%n",
            comment.authorWebsite().isEmpty() ? "(none)" : comment.authorWebsite());
        System.out.printf(
            "Address:           %s%n", comment.ip().isEmpty() ? "(none)" : comment.ip());
        if (comment.inReplyTo() != null) {
          String answered = comment.inReplyTo().text().replaceAll("\\s+", " ");
          System.out.printf(
              "In reply to:       %d by %s (%s): %s%n",
              comment.inReplyTo().id(),
              comment.inReplyTo().authorName(),
              comment.inReplyTo().status(),
              answered.length() > 80 ? answered.substring(0, 79) + "…" : answered);
        }
        System.out.printf(
            "Approved before:   %d comment%s from this email%n",
            comment.approvedBefore(), comment.approvedBefore() == 1 ? "" : "s");
        System.out.printf(
            "Spam probability:  %.2f (%d%%)%n", comment.spamProbability(), comment.spamPercent());
        System.out.printf("Open reports:      %s%n", reports(comment));
        System.out.println();
        System.out.println(comment.text());
        return 0;
      }
    }

    private static String reports(CommentContext comment) {
      if (comment.openReports() == 0) {
        return "none";
      }
      StringBuilder reasons = new StringBuilder();
      comment
          .reports()
          .forEach(
              (reason, count) ->
                  reasons
                      .append(reasons.isEmpty() ? "" : ", ")
                      .append(reason.isEmpty() ? "no reason given" : reason)
                      .append(count > 1 ? " x" + count : ""));
      return comment.openReports() + " (" + reasons + ")";
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Prints, as JSON, everything stored about the comments of one email address.")
  static final class Export implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS")
    String email;

    @Override
    public Integer call() throws Exception {
      try (Application application = site.open()) {
        System.out.println(json().writeValueAsString(application.moderation().export(email)));
        return 0;
      }
    }
  }

  @Command(
      name = "erase",
      mixinStandardHelpOptions = true,
      description =
          "Erases the name, email, website, address and text of every comment of one email address; replies to them stay.")
  static final class Erase implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS")
    String email;

    @Override
    public Integer call() {
      if (!email.contains("@")) {
        System.err.println("broadsheet: --email must be an email address");
        return 2;
      }
      try (Application application = site.open()) {
        int erased = application.moderation().erase(email.toLowerCase(Locale.ROOT));
        System.out.printf("Erased %d comment%s of %s.%n", erased, erased == 1 ? "" : "s", email);
        return 0;
      }
    }
  }

  @Command(
      name = "close",
      mixinStandardHelpOptions = true,
      description = "Closes one article's comments.")
  static final class Close implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(paramLabel = "SLUG")
    String slug;

    @Override
    public Integer call() {
      return setOpen(site, slug, false);
    }
  }

  @Command(
      name = "open",
      mixinStandardHelpOptions = true,
      description = "Opens one article's comments again.")
  static final class Open implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(paramLabel = "SLUG")
    String slug;

    @Override
    public Integer call() {
      return setOpen(site, slug, true);
    }
  }

  private static int setOpen(SiteOptions site, String slug, boolean open) {
    try (Application application = site.open()) {
      if (!application.moderation().setOpen(slug, open)) {
        System.err.println("broadsheet: no article has the slug \"" + slug + "\"");
        return 2;
      }
      System.out.println("Comments on " + slug + " are " + (open ? "open." : "closed."));
      return 0;
    }
  }
}
