package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.proofread.NewsroomDictionary;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.WebServer;

/**
 * The newsroom's dictionary, for editors and administrators: the names the spelling check takes as
 * written, listed, added and removed, each change in the audit log. The `dictionary` command does
 * the same.
 */
final class DictionaryHandler {
  static final String PATH = "/newsroom/dictionary";

  private final NewsroomDictionary dictionary;
  private final AuditService audit;
  private final NewsroomAccess access;

  DictionaryHandler(NewsroomDictionary dictionary, AuditService audit, NewsroomAccess access) {
    this.dictionary = dictionary;
    this.audit = audit;
    this.access = access;
  }

  void page(Context ctx) {
    access
        .allowed(ctx, Permission.KEEP_DICTIONARY)
        .ifPresent(session -> show(ctx, session, "", null, false));
  }

  void change(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.KEEP_DICTIONARY);
    if (session.isEmpty() || !access.formPasses(ctx, session.get())) {
      return;
    }
    String add = ctx.formParam("add");
    String remove = ctx.formParam("remove");
    NewsroomDictionary.Change change =
        add != null ? dictionary.add(add) : dictionary.remove(remove == null ? "" : remove);
    Actor actor = new Actor(session.get().user().email(), WebServer.client(ctx).ip());
    switch (change) {
      case NewsroomDictionary.Change.Added added -> {
        audit.record(actor, "dictionary.add", added.word(), "from the dictionary page");
        show(ctx, session.get(), "", "\"" + added.word() + "\" is added.", false);
      }
      case NewsroomDictionary.Change.Removed removed -> {
        audit.record(actor, "dictionary.remove", removed.word(), "from the dictionary page");
        show(ctx, session.get(), "", "\"" + removed.word() + "\" is removed.", false);
      }
      case NewsroomDictionary.Change.AlreadyThere there ->
          show(ctx, session.get(), "", "\"" + there.word() + "\" was already there.", false);
      case NewsroomDictionary.Change.NotThere notThere ->
          show(ctx, session.get(), "", "\"" + notThere.word() + "\" was not there.", false);
      case NewsroomDictionary.Change.Refused refused -> {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        show(ctx, session.get(), add, "Not added: " + refused.reason() + ".", true);
      }
    }
  }

  private void show(Context ctx, Session session, String typed, String message, boolean problem) {
    WebServer.keepOwnPage(ctx);
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/dictionary.jte",
                new DictionaryPage(
                    access.layout(),
                    new PageMeta(
                        "Dictionary",
                        "Names the newsroom's spelling check takes as written.",
                        PATH),
                    access.formToken(session),
                    dictionary.words(),
                    typed == null ? "" : typed,
                    message,
                    problem)));
  }
}
