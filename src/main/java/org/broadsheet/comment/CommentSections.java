package org.broadsheet.comment;

import gg.jte.Content;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.broadsheet.article.Article;
import org.broadsheet.article.BelowTheArticle;
import org.broadsheet.article.Dateline;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.FeedLink;
import org.broadsheet.web.Templates;

/** Renders the comment section under an article, as this reader should see it. */
final class CommentSections implements BelowTheArticle {
  /** Request attribute holding the form as a refused post left it. */
  static final String FORM = "broadsheet.commentForm";

  private final CommentService comments;
  private final Templates templates;
  private final Supplier<SiteSettings> site;
  private final Supplier<CommentSettings> settings;
  private final ReaderCookies cookies;

  CommentSections(
      CommentService comments,
      Templates templates,
      Supplier<SiteSettings> site,
      Supplier<CommentSettings> settings,
      ReaderCookies cookies) {
    this.comments = comments;
    this.templates = templates;
    this.site = site;
    this.settings = settings;
    this.cookies = cookies;
  }

  @Override
  public List<FeedLink> feedsFor(Article article) {
    return List.of(
        new FeedLink(
            FeedLink.ATOM,
            "Comments on \u201c" + article.headline() + "\u201d",
            article.path() + "/comments.atom"));
  }

  @Override
  public Content contentFor(Article article, Context ctx) {
    Instant now = Instant.now();
    cookies.markSeen(ctx, now);
    Set<Long> own = cookies.own(ctx);
    CommentForm form =
        ctx.attribute(FORM) instanceof CommentForm refused ? refused : CommentForm.EMPTY;
    Comment replyTo = replyTo(article, ctx.queryParam("replyto"), form);
    return templates.content(
        "comment/section.jte",
        new CommentSection(
            article,
            new Dateline(site.get().timeZone()),
            comments.thread(article.id(), own),
            article.commentCount(),
            form,
            cookies.formToken(now),
            replyTo,
            comments.closedReason(article, now).orElse(null),
            settings.get(),
            own));
  }

  private Comment replyTo(Article article, String query, CommentForm form) {
    String id = query != null ? query : form.draft().parent();
    if (id == null || !id.matches("\\d{1,18}")) {
      return null;
    }
    return comments
        .find(Long.parseLong(id))
        .filter(c -> c.articleId() == article.id() && c.status() == CommentStatus.APPROVED)
        .orElse(null);
  }
}
