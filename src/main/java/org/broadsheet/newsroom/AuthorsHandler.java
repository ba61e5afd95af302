package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import org.broadsheet.article.Author;
import org.broadsheet.article.AuthorService;
import org.broadsheet.article.DeskOutcome;
import org.broadsheet.web.PageMeta;

/**
 * Author pages: bio, job title, expertise and photo. Editors and administrators edit every one;
 * anyone else only the page they are linked to (`users author`).
 */
final class AuthorsHandler {
  static final String PATH = "/newsroom/authors";

  private final AuthorService authors;
  private final NewsroomAccess access;

  AuthorsHandler(AuthorService authors, NewsroomAccess access) {
    this.authors = authors;
    this.access = access;
  }

  /** Every author page for editors; one's own page for a writer linked to one. */
  void list(Context ctx) {
    Optional<Session> session = access.signedIn(ctx);
    if (session.isEmpty()) {
      return;
    }
    User user = session.get().user();
    if (!user.may(Permission.EDIT_ANY_ARTICLE)) {
      if (!user.authorSlug().isEmpty() && user.may(Permission.USE_NEWSROOM)) {
        ctx.redirect(PATH + "/" + user.authorSlug(), HttpStatus.SEE_OTHER);
      } else {
        notAllowed(ctx);
      }
      return;
    }
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/authors.jte",
                new DeskPages.Authors(
                    access.layout(),
                    new PageMeta("Author pages", "The newsroom's author pages.", PATH),
                    authors.all())));
  }

  void page(Context ctx) {
    editable(ctx)
        .ifPresent(
            session -> {
              Author author =
                  authors.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
              show(ctx, session, author, null, DeskPages.Problems.NONE);
            });
  }

  void save(Context ctx) {
    Optional<Session> session = editable(ctx);
    if (session.isEmpty() || !access.formPasses(ctx, session.get())) {
      return;
    }
    String slug = ctx.pathParam("slug");
    DeskOutcome outcome =
        authors.describe(
            DeskForms.actor(ctx, session.get()),
            slug,
            new AuthorService.Profile(
                DeskForms.field(ctx, "bio"),
                DeskForms.field(ctx, "jobTitle"),
                DeskForms.field(ctx, "expertise"),
                DeskForms.field(ctx, "photo")));
    Author author = authors.bySlug(slug).orElseThrow(NotFoundResponse::new);
    switch (outcome) {
      case DeskOutcome.Done done ->
          show(ctx, session.get(), author, done.message(), DeskPages.Problems.NONE);
      case DeskOutcome.Refused refused -> {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        show(
            ctx,
            session.get(),
            author,
            null,
            new DeskPages.Problems(
                slug,
                refused.problems(),
                DeskForms.typed(ctx, "bio", "jobTitle", "expertise", "photo")));
      }
      case DeskOutcome.NotFound notFound -> throw new NotFoundResponse();
    }
  }

  /** The session, when its person may edit the author page of this request's slug. */
  private Optional<Session> editable(Context ctx) {
    Optional<Session> session = access.signedIn(ctx);
    if (session.isEmpty()) {
      return session;
    }
    User user = session.get().user();
    boolean own = !user.authorSlug().isEmpty() && user.authorSlug().equals(ctx.pathParam("slug"));
    if (user.may(Permission.EDIT_ANY_ARTICLE) || (own && user.may(Permission.USE_NEWSROOM))) {
      return session;
    }
    notAllowed(ctx);
    return Optional.empty();
  }

  private void notAllowed(Context ctx) {
    access.refuse(
        ctx,
        HttpStatus.FORBIDDEN,
        "Not allowed",
        "Only editors, administrators and the writer whose page it is may edit an author page.");
  }

  private void show(
      Context ctx, Session session, Author author, String notice, DeskPages.Problems problems) {
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/author.jte",
                new DeskPages.AuthorForm(
                    access.layout(),
                    new PageMeta(
                        "Author page: " + author.name(),
                        "Edit the author page of " + author.name() + ".",
                        PATH + "/" + author.slug()),
                    access.formToken(session),
                    author,
                    notice,
                    problems,
                    AuthorService.MAX_BIO,
                    AuthorService.MAX_JOB_TITLE,
                    AuthorService.MAX_EXPERTISE,
                    AuthorService.MAX_FIELD)));
  }
}
