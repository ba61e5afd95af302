package org.broadsheet.newsroom;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.broadsheet.audit.AuditQuery;
import org.broadsheet.audit.AuditService;
import org.broadsheet.web.PageMeta;

/** The audit log for administrators: filtered by actor, action and dates, newest first, paged. */
final class AuditHandler {
  static final int PAGE_SIZE = 50;
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final AuditService audit;
  private final NewsroomAccess access;
  private final Supplier<ZoneId> zone;

  AuditHandler(AuditService audit, NewsroomAccess access, Supplier<ZoneId> zone) {
    this.audit = audit;
    this.access = access;
    this.zone = zone;
  }

  void page(Context ctx) {
    if (access.allowed(ctx, Permission.READ_AUDIT_LOG).isEmpty()) {
      return;
    }
    ZoneId here = zone.get();
    String actor = blankToNull(ctx.queryParam("actor"));
    if (actor != null && actor.contains("@")) {
      actor = actor.toLowerCase(java.util.Locale.ROOT);
    }
    String action = blankToNull(ctx.queryParam("action"));
    String from = blankToNull(ctx.queryParam("from"));
    String to = blankToNull(ctx.queryParam("to"));
    List<String> problems = new ArrayList<>();
    Instant since = day(from, here, 0, problems);
    Instant until = day(to, here, 1, problems);
    int page = pageNumber(ctx.queryParam("page"));
    AuditService.Page found =
        audit.search(new AuditQuery(actor, action, since, until, page, PAGE_SIZE));
    List<NewsroomPages.Line> lines =
        found.entries().stream()
            .map(
                entry ->
                    new NewsroomPages.Line(
                        SHOWN.format(entry.at().atZone(here)), entry.at().toString(), entry))
            .toList();
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("actor", actor);
    filters.put("action", action);
    filters.put("from", from);
    filters.put("to", to);
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/audit.jte",
                new NewsroomPages.AuditLog(
                    access.layout(),
                    new PageMeta("Audit log", "Who did what in the newsroom.", "/newsroom/audit"),
                    actor == null ? "" : actor,
                    action == null ? "" : action,
                    from == null ? "" : from,
                    to == null ? "" : to,
                    audit.actions(),
                    lines,
                    problems.isEmpty() ? null : String.join(" ", problems),
                    page > 1 ? link(filters, page - 1) : null,
                    found.more() ? link(filters, page + 1) : null)));
  }

  /** The start of a day (plus `days`) in the site's time zone, or null; a bad date is reported. */
  private static Instant day(String text, ZoneId zone, int days, List<String> problems) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text).plusDays(days).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      problems.add("\"" + text + "\" is not a date; write dates as 2026-11-26.");
      return null;
    }
  }

  private static int pageNumber(String text) {
    try {
      return text == null ? 1 : Math.clamp(Integer.parseInt(text), 1, 100_000);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String link(Map<String, String> filters, int page) {
    String query =
        filters.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return "/newsroom/audit?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
