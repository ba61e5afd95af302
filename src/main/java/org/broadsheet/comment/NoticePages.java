package org.broadsheet.comment;

import io.javalin.http.Context;
import java.util.function.Supplier;
import org.broadsheet.web.ErrorPage;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.Templates;
import org.broadsheet.web.WebServer;

/** Short pages that tell a reader the outcome of a link they followed. */
final class NoticePages {
  private final Templates templates;
  private final Supplier<Layout> layout;

  NoticePages(Templates templates, Supplier<Layout> layout) {
    this.templates = templates;
    this.layout = layout;
  }

  byte[] render(Context ctx, String heading, String message) {
    return templates.render(
        "web/error.jte",
        new ErrorPage(
            layout.get(),
            new PageMeta(heading, message, ctx.path()),
            200,
            heading,
            message,
            WebServer.requestId(ctx)));
  }
}
