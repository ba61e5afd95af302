package org.broadsheet.comment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.broadsheet.article.Article;
import org.broadsheet.article.BelowTheArticle;
import org.broadsheet.article.Dateline;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.FeedLink;
import org.broadsheet.web.ReaderCookie;
import org.broadsheet.web.ReaderRequest;
import org.broadsheet.web.Templates;

/** Renders the comment section under an article, as this reader should see it. */
final class CommentSections implements BelowTheArticle {
  /**
   * What the comment section of one reader's page depends on.
   *
   * @param own ids of the comments this reader posted (from their signed cookie)
   * @param replyTo the id of the comment the form answers, as asked for; null for none
   * @param form the form as a refused post left it, or {@link CommentForm#EMPTY}
   */
  record SectionRequest(Set<Long> own, String replyTo, CommentForm form, Instant now) {}

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
  public Below below(Article article, ReaderRequest reader) {
    Instant now = Instant.now();
    return section(
        article,
        new SectionRequest(
            cookies.own(reader), reader.query("replyto").orElse(null), CommentForm.EMPTY, now),
        cookies.markSeen(reader, now));
  }

  /** The section with a refused form shown again, as the reader left it. */
  Below refused(Article article, ReaderRequest reader, CommentForm form) {
    Instant now = Instant.now();
    return section(
        article,
        new SectionRequest(cookies.own(reader), null, form, now),
        cookies.markSeen(reader, now));
  }

  private Below section(Article article, SectionRequest request, Optional<ReaderCookie> seen) {
    Comment replyTo = replyTo(article, request);
    return new Below(
        templates.content(
            "comment/section.jte",
            new CommentSection(
                article,
                new Dateline(site.get().timeZone()),
                comments.thread(article.id(), request.own()),
                article.commentCount(),
                request.form(),
                cookies.formToken(request.now()),
                replyTo,
                comments.closedReason(article, request.now()).orElse(null),
                settings.get(),
                request.own())),
        feedsFor(article),
        seen.stream().toList());
  }

  private static List<FeedLink> feedsFor(Article article) {
    return List.of(
        new FeedLink(
            FeedLink.ATOM,
            "Comments on \u201c" + article.headline() + "\u201d",
            article.path() + "/comments.atom"));
  }

  private Comment replyTo(Article article, SectionRequest request) {
    String id = request.replyTo() != null ? request.replyTo() : request.form().draft().parent();
    if (id == null || !id.matches("\\d{1,18}")) {
      return null;
    }
    return comments
        .find(Long.parseLong(id))
        .filter(c -> c.articleId() == article.id() && c.status() == CommentStatus.APPROVED)
        .orElse(null);
  }
}
