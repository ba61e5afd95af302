package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import org.broadsheet.article.DeskOutcome;
import org.broadsheet.article.Section;
import org.broadsheet.article.SectionService;
import org.broadsheet.web.PageMeta;

/** The sections desk: each section's name, description and place in the navigation; new ones. */
final class SectionsHandler {
  static final String PATH = "/newsroom/sections";
  static final String NEW = "new";

  private final SectionService sections;
  private final NewsroomAccess access;

  SectionsHandler(SectionService sections, NewsroomAccess access) {
    this.sections = sections;
    this.access = access;
  }

  void page(Context ctx) {
    access
        .allowed(ctx, Permission.CURATE_FRONT_PAGE)
        .ifPresent(session -> show(ctx, session, null, DeskPages.Problems.NONE));
  }

  /** One of the page's forms: action "add", "save", "up" or "down". */
  void change(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.CURATE_FRONT_PAGE);
    if (session.isEmpty() || !access.formPasses(ctx, session.get())) {
      return;
    }
    String action = DeskForms.field(ctx, "action");
    String slug = DeskForms.field(ctx, "slug");
    var actor = DeskForms.actor(ctx, session.get());
    DeskOutcome outcome =
        switch (action) {
          case "add" ->
              sections.add(
                  actor, DeskForms.field(ctx, "name"), slug, DeskForms.field(ctx, "description"));
          case "save" ->
              sections.describe(
                  actor, slug, DeskForms.field(ctx, "name"), DeskForms.field(ctx, "description"));
          case "up" -> sections.move(actor, slug, -1);
          case "down" -> sections.move(actor, slug, 1);
          default -> DeskOutcome.Refused.of("action", "Choose what to do: add, save, up or down.");
        };
    switch (outcome) {
      case DeskOutcome.Done done ->
          show(ctx, session.get(), done.message(), DeskPages.Problems.NONE);
      case DeskOutcome.Refused refused -> {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        show(
            ctx,
            session.get(),
            null,
            new DeskPages.Problems(
                action.equals("add") ? NEW : slug,
                refused.problems(),
                DeskForms.typed(ctx, "name", "slug", "description")));
      }
      case DeskOutcome.NotFound notFound -> throw new NotFoundResponse();
    }
  }

  private void show(Context ctx, Session session, String notice, DeskPages.Problems problems) {
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/sections.jte",
                new DeskPages.Sections(
                    access.layout(),
                    new PageMeta("Sections", "The site's sections and their order.", PATH),
                    access.formToken(session),
                    sections.all(),
                    Section.MAX_NAME,
                    Section.MAX_DESCRIPTION,
                    notice,
                    problems)));
  }
}
