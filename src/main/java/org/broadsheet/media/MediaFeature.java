package org.broadsheet.media;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.Set;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.PageRules;

/**
 * Serves stored pictures from the database; their names carry a content hash, so they are cached
 * for a year. A HEAD request runs this GET route too (the web layer sees to it) and gets the same
 * headers without the body.
 */
public final class MediaFeature implements PageRules {
  private final MediaService media;

  public MediaFeature(MediaService media) {
    this.media = media;
  }

  /** Copies made anew (an upgrade) may be on any page. */
  @Override
  public Set<String> drops(String topic, String subject) {
    return topic.equals(MediaService.TOPIC) ? Set.of(PageCache.EVERYTHING) : Set.of();
  }

  /**
   * A picture whose rights expired leaves every page that shows it (the article, listings, feeds);
   * rare enough to drop every page.
   */
  @Override
  public Set<String> changedBetween(Instant after, Instant until) {
    return media.anyExpiring(after, until) ? Set.of(PageCache.EVERYTHING) : Set.of();
  }

  public void routes(RoutesConfig routes) {
    routes.get("/media/{file}", this::serve);
  }

  private void serve(Context ctx) {
    MediaService.Picture picture =
        media.picture(ctx.pathParam("file")).orElseThrow(NotFoundResponse::new);
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.contentType(picture.contentType()).result(picture.bytes());
  }
}
