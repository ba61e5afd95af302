package org.broadsheet.feed;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.article.ListingFeeds;
import org.broadsheet.media.MediaService;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.FeedLink;
import org.broadsheet.web.PageCache;

/**
 * Wires the feeds: RSS at feed.xml, Atom at feed.atom and JSON Feed at feed.json, for the site (at
 * the root) and beside each section, tag and author page and the corrections page; and the links to
 * them in pages' heads.
 */
public final class FeedFeature {
  private final FeedService feeds;
  private final FeedHandler handler;

  public FeedFeature(
      ArticleService articles,
      CorrectionService corrections,
      MediaService media,
      PageCache pages,
      Supplier<SiteSettings> site,
      Supplier<FeedSettings> settings) {
    this.feeds = new FeedService(articles, corrections, media, site, settings);
    this.handler = new FeedHandler(feeds, pages);
  }

  public void routes(RoutesConfig routes) {
    for (FeedFormat format : FeedFormat.values()) {
      routes.get("/" + format.fileName, ctx -> handler.site(ctx, format));
      routes.get(
          "/section/{slug}/" + format.fileName, ctx -> handler.of(ctx, feeds::section, format));
      routes.get("/tag/{slug}/" + format.fileName, ctx -> handler.of(ctx, feeds::tag, format));
      routes.get(
          "/author/{slug}/" + format.fileName, ctx -> handler.of(ctx, feeds::author, format));
      routes.get("/corrections/" + format.fileName, ctx -> handler.corrections(ctx, format));
    }
  }

  /** The site's feeds, linked from every page. */
  public List<FeedLink> siteFeeds(String siteName) {
    return links(siteName, "");
  }

  /** The feeds of a section, tag or author page, linked from that page. */
  public ListingFeeds listingFeeds() {
    return (path, name) -> links(feeds.titled(name), path);
  }

  /** The feeds of the corrections page, linked from it. */
  public ListingFeeds correctionFeeds() {
    return (path, name) -> links(feeds.titled(name), "/corrections");
  }

  private static List<FeedLink> links(String title, String folder) {
    List<FeedLink> links = new ArrayList<>();
    for (FeedFormat format : FeedFormat.values()) {
      links.add(
          new FeedLink(
              format.mediaType, title + " (" + format.label + ")", folder + "/" + format.fileName));
    }
    return links;
  }
}
