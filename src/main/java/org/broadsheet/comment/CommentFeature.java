package org.broadsheet.comment;

import gg.jte.Content;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;
import org.broadsheet.article.Article;
import org.broadsheet.article.Dateline;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Templates;

/** Wires the comment feature: the section under each article and its routes. */
public final class CommentFeature {
  private final CommentService comments;
  private final Templates templates;
  private final Supplier<SiteSettings> site;
  private final Supplier<CommentSettings> settings;

  public CommentFeature(
      CommentService comments,
      Templates templates,
      Supplier<SiteSettings> site,
      Supplier<CommentSettings> settings) {
    this.comments = comments;
    this.templates = templates;
    this.site = site;
    this.settings = settings;
  }

  public Content sectionFor(Article article, Context request) {
    var thread = comments.thread(article.id(), settings.get().maxDepth());
    return templates.content(
        "comment/section.jte",
        new CommentSection(
            article, new Dateline(site.get().timeZone()), thread, article.commentCount()));
  }

  public void routes(RoutesConfig routes) {}
}
