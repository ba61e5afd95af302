package org.broadsheet.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import org.broadsheet.article.Actor;
import org.broadsheet.article.Correction;
import org.broadsheet.article.CorrectionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "corrections",
    mixinStandardHelpOptions = true,
    description =
        "Corrections, clarifications, updates and editor's notes on published articles; nothing is"
            + " edited away: edits and removals are kept with their reason.",
    subcommands = {
      CorrectionsCommand.Add.class,
      CorrectionsCommand.ListCorrections.class,
      CorrectionsCommand.Edit.class,
      CorrectionsCommand.Remove.class
    })
final class CorrectionsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin SiteOptions site;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A date as 2026-11-26T14:05:00Z or 2026-11-26 (midnight UTC); null when none is given. */
  static Instant date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notDate) {
        throw new IllegalArgumentException(
            "--date \"" + text + "\" is not a date such as 2026-11-26 or 2026-11-26T14:05:00Z");
      }
    }
  }

  static Correction.Kind kind(String word) {
    if (word == null) {
      return null;
    }
    return Correction.Kind.parse(word)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--kind must be one of " + Correction.Kind.words() + " (or editors-note)"));
  }

  /**
   * Records a correction that was added, changed or withdrawn in the audit log, as the newsroom's
   * corrections page does: subject the article, detail its kind and number, then the text or why.
   */
  static CorrectionService.Outcome audited(
      Application application,
      String action,
      CorrectionService.Outcome outcome,
      java.util.function.Function<Correction, String> detail) {
    if (outcome instanceof CorrectionService.Outcome.Done done) {
      Correction c = done.correction();
      application
          .audit()
          .record(
              org.broadsheet.audit.Actor.commandLine(),
              action,
              c.articleSlug(),
              c.kind().word() + " " + c.id() + ": " + detail.apply(c));
    }
    return outcome;
  }

  /** Prints what became of the correction; the exit status: 0 done, 1 refused or not found. */
  static int report(CorrectionService.Outcome outcome) {
    return switch (outcome) {
      case CorrectionService.Outcome.Done done -> {
        Correction c = done.correction();
        System.out.printf(
            "%d: %s on %s, %s%s%n",
            c.id(),
            c.kind().word(),
            c.articlePath(),
            c.date(),
            c.withdrawn() ? " (withdrawn: " + c.withdrawnReason() + ")" : "");
        yield 0;
      }
      case CorrectionService.Outcome.Refused refused -> {
        System.err.println("broadsheet: " + refused.problem());
        yield 1;
      }
      case CorrectionService.Outcome.NotFound notFound -> {
        System.err.println("broadsheet: " + notFound.what());
        yield 1;
      }
    };
  }

  abstract static class Action implements Callable<Integer> {
    @Mixin SiteOptions site;

    abstract int act(Application application);

    @Override
    public Integer call() {
      try (Application application = site.open()) {
        return act(application);
      } catch (IllegalArgumentException e) {
        System.err.println("broadsheet: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Adds a correction to an article; its page, feeds and /corrections show it.")
  static final class Add extends Action {
    @Parameters(index = "0", paramLabel = "SLUG", description = "The article's slug.")
    String slug;

    @Option(
        names = "--kind",
        required = true,
        paramLabel = "KIND",
        description = "correction, clarification, update or \"editor's note\" (editors-note).")
    String kind;

    @Option(
        names = "--text",
        required = true,
        paramLabel = "TEXT",
        description = "What readers see.")
    String text;

    @Option(
        names = "--date",
        paramLabel = "DATE",
        description = "When it was made, 2026-11-26T14:05:00Z or 2026-11-26 (default: now).")
    String date;

    @Override
    int act(Application application) {
      return report(
          audited(
              application,
              "correction.add",
              application
                  .corrections()
                  .add(slug, kind(kind), text, date(date), Actor.commandLine()),
              c -> c.text()));
    }
  }

  @Command(
      name = "edit",
      mixinStandardHelpOptions = true,
      description = "Changes a correction; what it said before is kept with the reason.")
  static final class Edit extends Action {
    @Parameters(index = "0", paramLabel = "ID", description = "The correction's id.")
    long id;

    @Option(names = "--kind", paramLabel = "KIND", description = "A new kind.")
    String kind;

    @Option(names = "--text", paramLabel = "TEXT", description = "A new text.")
    String text;

    @Option(names = "--date", paramLabel = "DATE", description = "A new date.")
    String date;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "REASON",
        description = "Why it changes; kept in the correction's history.")
    String reason;

    @Override
    int act(Application application) {
      return report(
          audited(
              application,
              "correction.edit",
              application
                  .corrections()
                  .edit(id, kind(kind), text, date(date), reason, Actor.commandLine()),
              c -> reason.strip()));
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description =
          "Withdraws a correction: readers no longer see it; it stays listed as withdrawn with the"
              + " reason.")
  static final class Remove extends Action {
    @Parameters(index = "0", paramLabel = "ID", description = "The correction's id.")
    long id;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "REASON",
        description = "Why it is withdrawn; kept and listed.")
    String reason;

    @Override
    int act(Application application) {
      return report(
          audited(
              application,
              "correction.withdraw",
              application.corrections().withdraw(id, reason, Actor.commandLine()),
              c -> reason.strip()));
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists corrections, newest first, withdrawn ones marked, with their history.")
  static final class ListCorrections extends Action {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "SLUG",
        description = "Only this article's.")
    String slug;

    @Option(
        names = "--json",
        description =
            "Print JSON for scripts: correction (id, articleSlug, kind, date, text, withdrawnAt,"
                + " withdrawnReason) and history.")
    boolean asJson;

    @Override
    int act(Application application) {
      var found = application.corrections().list(slug, 1000);
      if (found.isEmpty()) {
        System.err.println("broadsheet: no article has the slug \"" + slug + "\"");
        return 2;
      }
      List<CorrectionService.Traced> traced = found.get();
      if (asJson) {
        try {
          System.out.println(CommentsCommand.json().writeValueAsString(traced));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
        return 0;
      }
      for (CorrectionService.Traced entry : traced) {
        Correction c = entry.correction();
        System.out.printf(
            "%6d  %-13s  %s  %-30s  %s%s%n",
            c.id(),
            c.kind().word(),
            c.date(),
            c.articleSlug(),
            c.withdrawn() ? "WITHDRAWN (" + c.withdrawnReason() + ") " : "",
            c.text().replaceAll("\\s+", " "));
        for (CorrectionService.Change change : entry.history()) {
          System.out.printf(
              "        %s %s: was \"%s\" (%s)%n",
              change.action(), change.at(), change.textBefore(), change.reason());
        }
      }
      if (traced.isEmpty()) {
        System.out.println("No corrections.");
      }
      return 0;
    }
  }
}
