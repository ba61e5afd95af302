package org.broadsheet.media;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * Serves stored pictures from the database; their names carry a content hash, so they are cached
 * for a year. A HEAD request runs this GET route too (the web layer sees to it) and gets the same
 * headers without the body.
 */
public final class MediaFeature {
  private final MediaService media;

  public MediaFeature(MediaService media) {
    this.media = media;
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
