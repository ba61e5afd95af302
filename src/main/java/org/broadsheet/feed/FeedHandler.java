package org.broadsheet.feed;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.broadsheet.article.ArticleService;
import org.broadsheet.web.PageCache;

/** Answers a feed in the asked format, through the page cache. */
final class FeedHandler {
  private final FeedService feeds;
  private final PageCache pages;

  FeedHandler(FeedService feeds, PageCache pages) {
    this.feeds = feeds;
    this.pages = pages;
  }

  void site(Context ctx, FeedFormat format) {
    answer(ctx, feeds.site(), format);
  }

  void corrections(Context ctx, FeedFormat format) {
    answer(ctx, feeds.corrections(), format);
  }

  /** A section's, tag's or author's feed; 404 when there is no such one. */
  void of(Context ctx, Function<String, Optional<Feed>> which, FeedFormat format) {
    answer(ctx, which.apply(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new), format);
  }

  private void answer(Context ctx, Feed feed, FeedFormat format) {
    // A feed lists articles as listings do: an article saved, published, unpublished or coming
    // due drops it.
    pages.respond(
        ctx,
        FeedWriter.write(feed, format),
        format.contentType(),
        List.of(ArticleService.LISTINGS));
  }
}
