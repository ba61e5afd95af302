package org.broadsheet.comment;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.BelowTheArticle;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.PersonalRequests;
import org.broadsheet.web.Templates;

/**
 * Wires the comment feature's web side: the section under each article (built first, since the
 * article pages show it) and the routes (built once the article pages exist to show a refused
 * comment again).
 */
public final class CommentFeature {
  /**
   * A reader with the cookie of their own comments sees them while they wait for a moderator, and
   * the reply form under a comment and the page after posting are made for one reader: none of
   * these pages is shared.
   */
  public static final PersonalRequests PERSONAL =
      new PersonalRequests(Set.of(ReaderCookies.MINE), Set.of("replyto", "posted"));

  /** Cache tag of the site-wide comment feed. */
  public static final String SITE_FEED = "comment-feed";

  private final CommentService comments;
  private final PageCache pages;
  private final ArticleService articles;
  private final Templates templates;
  private final Supplier<SiteSettings> site;
  private final Supplier<Layout> layout;
  private final ReaderCookies cookies;
  private final CommentSections sections;
  private final MeterRegistry metrics;

  public CommentFeature(
      CommentService comments,
      ArticleService articles,
      Templates templates,
      PageCache pages,
      Supplier<SiteSettings> site,
      Supplier<Layout> layout,
      Supplier<CommentSettings> settings,
      MeterRegistry metrics) {
    this.metrics = metrics;
    this.comments = comments;
    this.pages = pages;
    this.articles = articles;
    this.templates = templates;
    this.site = site;
    this.layout = layout;
    this.cookies = new ReaderCookies(comments.notices().signer());
    this.sections = new CommentSections(comments, templates, site, settings, cookies);
  }

  public BelowTheArticle sections() {
    return sections;
  }

  public java.util.function.Consumer<RoutesConfig> routes(
      BiFunction<Article, Context, byte[]> articlePage) {
    CommentHandler handler =
        new CommentHandler(
            comments,
            new CommentModeration(comments),
            articles,
            cookies,
            articlePage,
            site,
            new NoticePages(templates, layout),
            pages,
            new CommentMetrics(metrics));
    return routes -> {
      routes.post("/articles/{slug}/comments", handler::post);
      routes.get("/articles/{slug}/comments.atom", handler::articleFeed);
      routes.get("/comments.atom", handler::siteFeed);
      routes.get("/comments/unsubscribe", handler::unsubscribe);
      routes.post("/comments/unsubscribe", handler::unsubscribe);
    };
  }
}
