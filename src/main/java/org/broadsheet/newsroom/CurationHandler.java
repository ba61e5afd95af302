package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.article.CurationService;
import org.broadsheet.article.DeskOutcome;
import org.broadsheet.web.PageMeta;

/** The front page desk: editors pin the lead story and order the top stories. */
final class CurationHandler {
  static final String PATH = "/newsroom/front";

  /** How many of the newest articles are offered to pick from. */
  static final int CANDIDATES = 30;

  private final CurationService curation;
  private final NewsroomAccess access;

  CurationHandler(CurationService curation, NewsroomAccess access) {
    this.curation = curation;
    this.access = access;
  }

  void page(Context ctx) {
    access
        .allowed(ctx, Permission.CURATE_FRONT_PAGE)
        .ifPresent(session -> show(ctx, session, null, DeskPages.Problems.NONE));
  }

  void change(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.CURATE_FRONT_PAGE);
    if (session.isEmpty() || !access.formPasses(ctx, session.get())) {
      return;
    }
    Optional<CurationService.Change> change =
        CurationService.Change.parse(DeskForms.field(ctx, "change"));
    DeskOutcome outcome =
        change.isEmpty()
            ? DeskOutcome.Refused.of("article", "Choose what to do: pin, add, move or remove.")
            : curation.change(
                DeskForms.actor(ctx, session.get()), change.get(), DeskForms.field(ctx, "article"));
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
                "article", refused.problems(), Map.of("article", DeskForms.field(ctx, "article"))));
      }
      case DeskOutcome.NotFound notFound -> {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        show(
            ctx,
            session.get(),
            null,
            new DeskPages.Problems("article", Map.of("article", "No such article."), Map.of()));
      }
    }
  }

  private void show(Context ctx, Session session, String notice, DeskPages.Problems problems) {
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/front.jte",
                new DeskPages.Front(
                    access.layout(),
                    new PageMeta("Front page", "What leads the front page.", PATH),
                    access.formToken(session),
                    curation.picks(),
                    curation.candidates(CANDIDATES),
                    CurationService.MAX_TOP_STORIES,
                    notice,
                    problems)));
  }
}
