package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.DeskArticle;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.proofread.Finding;
import org.broadsheet.proofread.NewsroomDictionary;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.WebServer;

/**
 * The proofreading buttons of the editor: check, apply a suggestion, ignore here, add to the
 * newsroom's dictionary. Each sends the whole form, so the text as typed comes back with the
 * findings; nothing here saves the article, and whoever may edit the article may use them, but only
 * editors and administrators add words.
 */
final class ProofreadingHandler {
  static String path(long id) {
    return EditorHandler.editorPath(id) + "/proofread";
  }

  private final EditorProofreading proofreading;
  private final AuditService audit;
  private final NewsroomAccess access;
  private final EditorHandler editor;

  ProofreadingHandler(
      EditorProofreading proofreading,
      AuditService audit,
      NewsroomAccess access,
      EditorHandler editor) {
    this.proofreading = proofreading;
    this.audit = audit;
    this.access = access;
    this.editor = editor;
  }

  void proofread(Context ctx) {
    Optional<Session> signedIn = access.session(ctx);
    if (signedIn.isEmpty()) {
      editor.keepAcrossSignIn(ctx);
      return;
    }
    Session session = signedIn.get();
    DeskArticle desk = editor.desk(ctx);
    String word = ctx.formParam("dictionary-add");
    if (!DeskRules.mayEdit(session.user(), desk)
        || (word != null && !session.user().role().may(Permission.KEEP_DICTIONARY))) {
      editor.notAllowed(ctx);
      return;
    }
    if (!access.formPasses(ctx, session)) {
      return;
    }
    Map<String, String> sent = new LinkedHashMap<>();
    ctx.formParamMap().forEach((name, values) -> sent.put(name, values.getFirst()));
    EditorForm form = EditorForm.read(sent::get);
    String notice = "Checked.";
    String apply = ctx.formParam("apply");
    String ignore = ctx.formParam("ignore");
    if (word != null) {
      notice = added(ctx, session, desk, proofreading.addWord(word));
    } else if (ignore != null) {
      Optional<String> ignored = proofreading.ignore(desk.id(), ignore);
      ignored.ifPresent(
          words -> audit.record(actor(ctx, session), "proofread.ignore", desk.slug(), words));
      notice =
          ignored
              .map(words -> "\"" + words + "\" is ignored in this article from now on.")
              .orElse("That finding was already ignored here, or could not be read.");
    } else if (apply != null) {
      switch (proofreading.apply(form, sent, apply)) {
        case EditorProofreading.Applied.Replaced replaced -> {
          form = replaced.form();
          notice = replaced.notice();
        }
        case EditorProofreading.Applied.NotReplaced notReplaced -> notice = notReplaced.notice();
      }
    }
    editor.showProofread(
        ctx,
        session,
        desk,
        form,
        notice + " Not saved yet: everything you typed is below; save to keep it.",
        proofreading.check(desk.id(), form, session.user()));
  }

  private String added(
      Context ctx, Session session, DeskArticle desk, NewsroomDictionary.Change change) {
    return switch (change) {
      case NewsroomDictionary.Change.Added added -> {
        audit.record(actor(ctx, session), "dictionary.add", added.word(), "from " + desk.slug());
        yield "\"" + added.word() + "\" is in the newsroom's dictionary from now on.";
      }
      case NewsroomDictionary.Change.AlreadyThere there ->
          "\"" + there.word() + "\" was already in the newsroom's dictionary.";
      case NewsroomDictionary.Change.Refused refused ->
          "Not added to the dictionary: " + refused.reason() + ".";
      // Adding never removes.
      case NewsroomDictionary.Change.Removed removed -> "";
      case NewsroomDictionary.Change.NotThere notThere -> "";
    };
  }

  /** Spelling findings open in the article as stored, when this move would make it public. */
  List<Finding> openBeforePublishing(DeskArticle article, ArticleStatus to) {
    return to == ArticleStatus.PUBLISHED || to == ArticleStatus.SCHEDULED
        ? proofreading.openSpelling(article.id(), editor.stored(article))
        : List.of();
  }

  /**
   * Publishing or scheduling with spelling findings open: the findings, and a button to publish
   * anyway. Nothing has changed yet.
   */
  void askPublishAnyway(
      Context ctx, Session session, DeskArticle article, ArticleStatus to, List<Finding> open) {
    String heading =
        "Publish with %d spelling finding%s open?"
            .formatted(open.size(), open.size() == 1 ? "" : "s");
    ctx.status(HttpStatus.CONFLICT);
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/publish-anyway.jte",
                new EditorProofreading.PublishAnyway(
                    access.layout(),
                    new PageMeta(
                        heading,
                        "Spelling findings are open in the article.",
                        EditorHandler.editorPath(article.id())),
                    heading,
                    article.headline(),
                    EditorHandler.editorPath(article.id()),
                    access.formToken(session),
                    to.word(),
                    Optional.ofNullable(ctx.formParam("from")).orElse(article.status().word()),
                    Optional.ofNullable(ctx.formParam("at")).orElse(""),
                    Optional.ofNullable(ctx.formParam("back")).orElse(""),
                    open.stream()
                        .map(finding -> new EditorProofreading.Shown(finding, true))
                        .toList())));
  }

  void recordPublishAnyway(Context ctx, Session session, String slug, int open, String to) {
    audit.record(
        actor(ctx, session),
        "article.publish-anyway",
        slug,
        "%s with %d open spelling finding%s".formatted(to, open, open == 1 ? "" : "s"));
  }

  private static Actor actor(Context ctx, Session session) {
    return new Actor(session.user().email(), WebServer.client(ctx).ip());
  }
}
