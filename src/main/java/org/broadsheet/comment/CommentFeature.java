package org.broadsheet.comment;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.function.Supplier;
import org.broadsheet.article.ArticlePages;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.BelowTheArticle;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.PersonalRequests;
import org.broadsheet.web.Templates;

/**
 * Wires the comment feature's web side: the section under each article, its routes, and the rules
 * for which cached pages its changes drop.
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

  private final CommentSections sections;
  private final CommentHandler handler;

  public CommentFeature(
      CommentService comments,
      ArticleService articles,
      ArticlePages articlePages,
      Templates templates,
      PageCache pages,
      Supplier<SiteSettings> site,
      Supplier<Layout> layout,
      Supplier<CommentSettings> settings,
      MeterRegistry metrics) {
    ReaderCookies cookies = new ReaderCookies(comments.notices().signer());
    this.sections = new CommentSections(comments, templates, site, settings, cookies);
    this.handler =
        new CommentHandler(
            comments,
            new CommentModeration(comments),
            articles,
            cookies,
            sections,
            articlePages,
            site,
            new NoticePages(templates, layout),
            pages,
            new CommentMetrics(metrics));
  }

  /** The comment section, for the article page to show below each article. */
  public BelowTheArticle belowTheArticle() {
    return sections;
  }

  public void routes(RoutesConfig routes) {
    routes.post("/articles/{slug}/comments", handler::post);
    routes.get("/articles/{slug}/comments.atom", handler::articleFeed);
    routes.get("/comments.atom", handler::siteFeed);
    routes.get("/comments/unsubscribe", handler::unsubscribe);
    routes.post("/comments/unsubscribe", handler::unsubscribe);
  }
}
