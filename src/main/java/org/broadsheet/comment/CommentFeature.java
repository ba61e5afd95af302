package org.broadsheet.comment;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.broadsheet.article.ArticlePages;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.BelowTheArticle;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.PageRules;
import org.broadsheet.web.PersonalRequests;
import org.broadsheet.web.Templates;

/**
 * Wires the comment feature's web side: the section under each article, its routes, and the rules
 * for which cached pages its changes drop.
 */
public final class CommentFeature implements PageRules {
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
  private final ArticleService articles;
  private final Supplier<CommentSettings> settings;
  private final CommentSections sections;
  private final CommentHandler handler;
  private final ReportHandler reports;

  public CommentFeature(
      CommentService comments,
      CommentModeration moderation,
      ArticleService articles,
      ArticlePages articlePages,
      Templates templates,
      PageCache pages,
      Supplier<SiteSettings> site,
      Supplier<Layout> layout,
      Supplier<CommentSettings> settings,
      MeterRegistry metrics) {
    this.comments = comments;
    this.articles = articles;
    this.settings = settings;
    ReaderCookies cookies = new ReaderCookies(comments.notices().signer());
    this.sections = new CommentSections(comments, templates, site, settings, cookies);
    this.reports =
        new ReportHandler(
            moderation.reports(), templates, layout, site, new NoticePages(templates, layout));
    this.handler =
        new CommentHandler(
            comments,
            moderation,
            articles,
            cookies,
            sections,
            articlePages,
            site,
            new NoticePages(templates, layout),
            pages,
            new CommentMetrics(metrics),
            templates,
            layout);
  }

  /** The comment section, for the article page to show below each article. */
  public BelowTheArticle belowTheArticle() {
    return sections;
  }

  /** Comments show on their article's page and in the site's comment feed, with its headline. */
  @Override
  public Set<String> drops(String topic, String subject) {
    return switch (topic) {
      case CommentService.TOPIC ->
          Set.of(ArticleService.pageTag(Long.parseLong(subject)), SITE_FEED);
      case ArticleService.TOPIC -> Set.of(SITE_FEED);
      default -> Set.of();
    };
  }

  /**
   * An article coming due brings its comments into the site's feed; an article's comments close
   * `comments.close_after_days` after its publication.
   */
  @Override
  public Set<String> changedBetween(Instant after, Instant until) {
    Set<String> tags = new HashSet<>();
    if (!articles.publishedBetween(after, until).isEmpty()) {
      tags.add(SITE_FEED);
    }
    int closeAfterDays = settings.get().closeAfterDays();
    if (closeAfterDays > 0) {
      Duration age = Duration.ofDays(closeAfterDays);
      for (long id : articles.publishedBetween(after.minus(age), until.minus(age))) {
        tags.add(ArticleService.pageTag(id));
      }
    }
    return tags;
  }

  public void routes(RoutesConfig routes) {
    routes.post("/articles/{slug}/comments", handler::post);
    routes.get("/articles/{slug}/comments", handler::page);
    routes.get("/articles/{slug}/comments.atom", handler::articleFeed);
    routes.get("/comments.atom", handler::siteFeed);
    routes.get("/comments/unsubscribe", handler::unsubscribe);
    routes.post("/comments/unsubscribe", handler::unsubscribe);
    routes.get("/comments/{id}", handler::permalink);
    routes.get("/comments/{id}/report", reports::form);
    routes.post("/comments/{id}/report", reports::report);
  }
}
