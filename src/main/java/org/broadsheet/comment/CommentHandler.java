package org.broadsheet.comment;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticlePages;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.BelowTheArticle;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.FormOrigin;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.ReaderRequest;
import org.broadsheet.web.Templates;
import org.broadsheet.web.WebServer;

/** The comment form's POST, the unsubscribe link and the comment feeds. */
final class CommentHandler {
  private static final String ATOM = "application/atom+xml; charset=utf-8";

  private final CommentService comments;
  private final CommentModeration moderation;
  private final ArticleService articles;
  private final ReaderCookies cookies;
  private final CommentSections sections;
  private final ArticlePages articlePages;
  private final Supplier<SiteSettings> site;
  private final NoticePages notices;
  private final PageCache pages;
  private final CommentMetrics metrics;
  private final Templates templates;
  private final Supplier<Layout> layout;

  CommentHandler(
      CommentService comments,
      CommentModeration moderation,
      ArticleService articles,
      ReaderCookies cookies,
      CommentSections sections,
      ArticlePages articlePages,
      Supplier<SiteSettings> site,
      NoticePages notices,
      PageCache pages,
      CommentMetrics metrics,
      Templates templates,
      Supplier<Layout> layout) {
    this.templates = templates;
    this.layout = layout;
    this.pages = pages;
    this.metrics = metrics;
    this.comments = comments;
    this.moderation = moderation;
    this.articles = articles;
    this.cookies = cookies;
    this.sections = sections;
    this.articlePages = articlePages;
    this.site = site;
    this.notices = notices;
  }

  void post(Context ctx) {
    Article article = articles.published(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
    // Checked from the headers alone, before the body is read: a forged post costs nothing.
    boolean fromThisSite = FormOrigin.fromThisSite(ctx, site.get().baseUrl());
    CommentDraft draft =
        new CommentDraft(
            field(ctx, "name"),
            field(ctx, "email"),
            field(ctx, "website"),
            field(ctx, "comment"),
            field(ctx, "parent"),
            ctx.formParam("notify") != null,
            field(ctx, "homepage"));
    if (!fromThisSite) {
      metrics.refused(article.id(), "cross_site");
      showAgain(
          ctx,
          article,
          draft,
          HttpStatus.FORBIDDEN,
          "Your comment was not posted because the form was not sent from this site's page. Please post it again from the article.");
      return;
    }
    Instant now = Instant.now();
    ReaderRequest reader = ReaderRequest.of(ctx);
    Instant shown = latest(cookies.firstSeen(reader), cookies.formShownAt(ctx.formParam("shown")));
    Visitor visitor =
        new Visitor(
            WebServer.client(ctx).ip(), Optional.ofNullable(ctx.userAgent()).orElse(""), shown);
    switch (comments.post(article, draft, visitor, now)) {
      case PostOutcome.Published published -> {
        metrics.published(published.comment());
        acknowledge(ctx, article, published.comment());
      }
      case PostOutcome.Held held -> {
        metrics.held(held.comment());
        acknowledge(ctx, article, held.comment());
      }
      case PostOutcome.Refused refused -> {
        metrics.refused(article.id(), refused.problems());
        showAgain(
            ctx,
            article,
            new CommentForm(draft, refused.problems()),
            HttpStatus.UNPROCESSABLE_CONTENT);
      }
      case PostOutcome.Limited limited -> {
        metrics.refused(article.id(), "rate_limited");
        showAgain(ctx, article, draft, HttpStatus.TOO_MANY_REQUESTS, limited.message());
      }
      case PostOutcome.Closed closed -> {
        metrics.refused(article.id(), "closed");
        showAgain(ctx, article, draft, HttpStatus.FORBIDDEN, closed.message());
      }
    }
  }

  private void acknowledge(Context ctx, Article article, Comment comment) {
    ReaderRequest reader = ReaderRequest.of(ctx);
    cookies.addOwn(reader, comment.id()).setOn(ctx);
    Set<Long> own = new HashSet<>(cookies.own(reader));
    own.add(comment.id());
    int page = Math.max(1, comments.pageOf(comment, own));
    // A query of its own keeps a CDN's shared copy of the page from answering the writer.
    ctx.redirect(
        CommentSection.location(article, page, comment.id(), "posted=" + comment.id()),
        HttpStatus.SEE_OTHER);
  }

  /**
   * A later page of an article's comments, `/articles/{slug}/comments?page=N`: cached like a
   * listing's page, under the article's tag. Page 1 is the article itself.
   */
  void page(Context ctx) {
    Article article = articles.published(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
    int number = pageNumber(ctx.queryParam("page"));
    if (number == 1) {
      ctx.redirect(article.path() + "#comments", HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    BelowTheArticle.Below below =
        sections.page(article, ReaderRequest.of(ctx), number).orElseThrow(NotFoundResponse::new);
    below.cookies().forEach(cookie -> cookie.setOn(ctx));
    String path = CommentSection.pagePath(article, number);
    PageMeta meta =
        new PageMeta(
                "Comments on \u201c%s\u201d (page %d)".formatted(article.headline(), number),
                "Readers' comments on \u201c%s\u201d, page %d."
                    .formatted(article.headline(), number),
                path)
            .withFeeds(below.feeds());
    pages.respondPaged(
        ctx,
        templates.render(
            "comment/page.jte",
            new CommentsPage(layout.get(), meta, article, number, below.content())),
        "text/html; charset=utf-8",
        List.of(ArticleService.pageTag(article.id())));
  }

  /**
   * A comment's permalink (`/comments/{id}`), as feeds and emails give it: leads to the page of the
   * thread that holds the comment now, however many came since.
   */
  void permalink(Context ctx) {
    Comment comment =
        idIn(ctx.pathParam("id"))
            .flatMap(comments::find)
            .filter(c -> c.status() == CommentStatus.APPROVED)
            .orElseThrow(NotFoundResponse::new);
    Article article =
        articles
            .slugOf(comment.articleId())
            .flatMap(articles::published)
            .orElseThrow(NotFoundResponse::new);
    int page = Math.max(1, comments.pageOf(comment, Set.of()));
    // Where a comment is shown moves as the thread grows: found again on every visit.
    ctx.header("Cache-Control", "no-cache");
    ctx.redirect(CommentSection.location(article, page, comment.id(), null), HttpStatus.FOUND);
  }

  private static Optional<Long> idIn(String text) {
    return text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
  }

  private static int pageNumber(String value) {
    if (value == null) {
      return 1;
    }
    try {
      int page = Integer.parseInt(value);
      if (page < 1 || page > 100_000) {
        throw new NotFoundResponse();
      }
      return page;
    } catch (NumberFormatException e) {
      throw new NotFoundResponse();
    }
  }

  private void showAgain(
      Context ctx, Article article, CommentDraft draft, HttpStatus status, String message) {
    showAgain(ctx, article, new CommentForm(draft, Map.of("form", message)), status);
  }

  /** The article page again, with the form below as the reader left it. */
  private void showAgain(Context ctx, Article article, CommentForm form, HttpStatus status) {
    BelowTheArticle.Below below = sections.refused(article, ReaderRequest.of(ctx), form);
    below.cookies().forEach(cookie -> cookie.setOn(ctx));
    ctx.status(status);
    html(ctx, articlePages.render(article, below));
  }

  private static Instant latest(Optional<Instant> first, Optional<Instant> second) {
    if (first.isEmpty()) {
      return second.orElse(null);
    }
    if (second.isEmpty()) {
      return first.get();
    }
    return first.get().isAfter(second.get()) ? first.get() : second.get();
  }

  /** A form field as typed, less NUL characters, which no text holds and HTML cannot show. */
  private static String field(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.replace("\u0000", "");
  }

  void unsubscribe(Context ctx) {
    Optional<Long> target =
        comments
            .notices()
            .unsubscribeTarget(Optional.ofNullable(ctx.queryParam("token")).orElse(""));
    if (target.isEmpty() || !moderation.unsubscribe(target.get())) {
      ctx.status(HttpStatus.NOT_FOUND);
      WebServer.keepOwnPage(ctx);
      html(
          ctx,
          notices.render(
              ctx,
              "Link not recognised",
              "This unsubscribe link is not valid. It may have been cut short by your email program."));
      return;
    }
    html(
        ctx,
        notices.render(
            ctx,
            "Unsubscribed",
            "You will no longer get emails about replies to your comments in this conversation."));
  }

  void articleFeed(Context ctx) {
    Article article = articles.published(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
    String feed =
        CommentFeeds.feed(
            "Comments on \u201c" + article.headline() + "\u201d",
            site.get().baseUrl(),
            article.path() + "/comments.atom",
            article.path(),
            comments.recentApproved(article.id(), CommentFeeds.ENTRIES),
            id -> article);
    pages.respond(
        ctx,
        feed.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        ATOM,
        java.util.List.of(ArticleService.pageTag(article.id())));
  }

  void siteFeed(Context ctx) {
    String feed =
        CommentFeeds.feed(
            "Recent comments on " + site.get().name(),
            site.get().baseUrl(),
            "/comments.atom",
            "/",
            comments.recentApproved(null, CommentFeeds.ENTRIES),
            id -> articles.slugOf(id).flatMap(articles::published).orElse(null));
    pages.respond(
        ctx,
        feed.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        ATOM,
        java.util.List.of(CommentFeature.SITE_FEED));
  }

  private static void html(Context ctx, byte[] page) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }
}
