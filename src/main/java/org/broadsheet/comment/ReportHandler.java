package org.broadsheet.comment;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.function.Supplier;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.FormOrigin;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.Templates;
import org.broadsheet.web.WebServer;

/**
 * The "Report" link under each published comment: a small form, the same for every reader (so the
 * article's page stays cacheable), posted from this site only and limited per client address.
 */
final class ReportHandler {
  private final CommentReports reports;
  private final Templates templates;
  private final Supplier<Layout> layout;
  private final Supplier<SiteSettings> site;
  private final NoticePages notices;

  ReportHandler(
      CommentReports reports,
      Templates templates,
      Supplier<Layout> layout,
      Supplier<SiteSettings> site,
      NoticePages notices) {
    this.reports = reports;
    this.templates = templates;
    this.layout = layout;
    this.site = site;
    this.notices = notices;
  }

  void form(Context ctx) {
    Comment comment = reportable(ctx);
    ctx.header("X-Robots-Tag", "noindex");
    show(ctx, comment, "", null);
  }

  void report(Context ctx) {
    // Checked from the headers alone, before the body is read: a forged post costs nothing.
    if (!FormOrigin.fromThisSite(ctx, site.get().baseUrl())) {
      notice(
          ctx,
          HttpStatus.FORBIDDEN,
          "Report not sent",
          "Nothing was reported: the form was not sent from this site's page. Please report the"
              + " comment again from the article.");
      return;
    }
    Comment comment = reportable(ctx);
    String reason = ctx.formParam("reason");
    switch (reports.report(comment.id(), reason, WebServer.client(ctx).ip(), Instant.now())) {
      case CommentReports.Outcome.Received received ->
          notice(
              ctx,
              HttpStatus.OK,
              "Thank you",
              "Your report has reached the editors who moderate comments. The comment stays on"
                  + " the page until one of them has looked at it.");
      case CommentReports.Outcome.Limited limited -> {
        ctx.header("Retry-After", "3600");
        notice(ctx, HttpStatus.TOO_MANY_REQUESTS, "Too many reports", limited.message());
      }
      case CommentReports.Outcome.Refused refused -> {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        show(ctx, comment, "", refused.message());
      }
      case CommentReports.Outcome.NotFound notFound -> throw new NotFoundResponse();
    }
  }

  private Comment reportable(Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("\\d{1,18}")) {
      throw new NotFoundResponse();
    }
    return reports.reportable(Long.parseLong(id)).orElseThrow(NotFoundResponse::new);
  }

  private void show(Context ctx, Comment comment, String chosen, String problem) {
    ctx.header("Cache-Control", "no-store");
    WebServer.keepOwnPage(ctx);
    ctx.contentType("text/html; charset=utf-8")
        .result(
            templates.render(
                "comment/report.jte",
                new ReportPage(
                    layout.get(),
                    new PageMeta(
                        "Report a comment",
                        "Tell the editors about a comment that breaks the rules.",
                        ctx.path()),
                    comment,
                    CommentSection.permalink(comment.id()),
                    CommentReports.REASONS,
                    chosen,
                    problem)));
  }

  private void notice(Context ctx, HttpStatus status, String heading, String message) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    WebServer.keepOwnPage(ctx);
    ctx.contentType("text/html; charset=utf-8").result(notices.render(ctx, heading, message));
  }
}
