package org.broadsheet.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import org.broadsheet.audit.AuditEntry;
import org.broadsheet.audit.AuditQuery;
import org.broadsheet.audit.AuditService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Prints the audit log, newest first: who did what and when, on the site or here.")
final class AuditCommand implements Callable<Integer> {
  @Mixin SiteOptions site;

  @Option(names = "--actor", paramLabel = "EMAIL", description = "Only what this person did.")
  String actor;

  @Option(
      names = "--action",
      paramLabel = "ACTION",
      description = "Only this action, or the actions under it: user takes user.role too.")
  String action;

  @Option(names = "--from", paramLabel = "DATE", description = "From this day (UTC), 2026-11-26.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "To this day (UTC) included.")
  String to;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most this many (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--json",
      description = "Print JSON for scripts: id, at, actor, action, subject, detail, ip.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Instant since = day(from, "--from", 0);
    Instant until = day(to, "--to", 1);
    if (limit < 1) {
      throw new Refusal("--limit must be at least 1");
    }
    try (Application application = site.open()) {
      AuditService.Page page =
          application.audit().search(new AuditQuery(who(actor), action, since, until, 1, limit));
      if (json) {
        System.out.println(CommentsCommand.json().writeValueAsString(page.entries()));
        return 0;
      }
      for (AuditEntry entry : page.entries()) {
        System.out.printf(
            "%s  %-30s %-22s %s%s%s%n",
            entry.at(),
            entry.actor(),
            entry.action(),
            entry.subject(),
            entry.detail().isEmpty() ? "" : "  (" + entry.detail() + ")",
            entry.ip().isEmpty() ? "" : "  from " + entry.ip());
      }
      if (page.entries().isEmpty()) {
        System.out.println("Nothing recorded matches.");
      }
      return 0;
    }
  }

  /** An email is kept in lower case; "command line (…)" as written. */
  static String who(String actor) {
    if (actor == null || actor.isBlank()) {
      return null;
    }
    String who = actor.strip();
    return who.contains("@") ? who.toLowerCase(java.util.Locale.ROOT) : who;
  }

  private static Instant day(String text, String option, int plusDays) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new Refusal(option + " must be a date such as 2026-11-26");
    }
  }
}
