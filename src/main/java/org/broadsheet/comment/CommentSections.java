package org.broadsheet.comment;

import java.time.Instant;
import java.util.ArrayList;
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
   * @param page the page of the thread asked for (1: the article's own page)
   */
  record SectionRequest(Set<Long> own, String replyTo, CommentForm form, Instant now, int page) {}

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
            cookies.own(reader), reader.query("replyto").orElse(null), CommentForm.EMPTY, now, 1),
        cookies.markSeen(reader, now));
  }

  /** A later page of the thread, for its own address; empty when the thread has no such page. */
  Optional<Below> page(Article article, ReaderRequest reader, int number) {
    Instant now = Instant.now();
    Below below =
        section(
            article,
            new SectionRequest(
                cookies.own(reader),
                reader.query("replyto").orElse(null),
                CommentForm.EMPTY,
                now,
                number),
            cookies.markSeen(reader, now));
    return below == null ? Optional.empty() : Optional.of(below);
  }

  /** The section with a refused form shown again, as the reader left it. */
  Below refused(Article article, ReaderRequest reader, CommentForm form) {
    Instant now = Instant.now();
    return section(
        article,
        new SectionRequest(cookies.own(reader), null, form, now, 1),
        cookies.markSeen(reader, now));
  }

  /** The section on the page asked for, or null when the thread has no such page. */
  private Below section(Article article, SectionRequest request, Optional<ReaderCookie> seen) {
    Comment replyTo = replyTo(article, request);
    // The reply form sits under the comment answered, so the page shown is the one that holds it.
    int number = replyTo == null ? request.page() : comments.pageOf(replyTo, request.own());
    CommentThread.Page page = comments.page(article.id(), request.own(), Math.max(1, number));
    if (page.number() > page.count()) {
      return null;
    }
    String closed = comments.closedReason(article, request.now()).orElse(null);
    return new Below(
        templates.content(
            "comment/section.jte",
            new CommentSection(
                article,
                new Dateline(site.get().timeZone()),
                page.entries(),
                article.commentCount(),
                page.number(),
                page.count(),
                request.form(),
                cookies.formToken(request.now()),
                replyTo,
                closed,
                settings.get(),
                request.own())),
        feedsFor(article),
        seen.stream().toList(),
        headerLinks(article, closed == null));
  }

  /** The count and "Leave a comment", linked from the article's header. */
  private static List<BelowTheArticle.Link> headerLinks(Article article, boolean open) {
    List<BelowTheArticle.Link> links = new ArrayList<>();
    int count = article.commentCount();
    if (count > 0) {
      links.add(
          new BelowTheArticle.Link(
              count == 1 ? "1 comment" : "%,d comments".formatted(count), "#comments"));
    }
    if (open) {
      links.add(new BelowTheArticle.Link("Leave a comment", "#respond"));
    }
    return links;
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
