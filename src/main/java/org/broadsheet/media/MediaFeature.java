package org.broadsheet.media;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * Serves stored pictures from the database; their names carry a content hash, so they are cached
 * for a year. HEAD answers with the same headers as GET and no body.
 */
public final class MediaFeature {
  private final MediaService media;

  public MediaFeature(MediaService media) {
    this.media = media;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/media/{file}", ctx -> serve(ctx, true));
    routes.head("/media/{file}", ctx -> serve(ctx, false));
  }

  private void serve(Context ctx, boolean withBody) {
    MediaService.Picture picture =
        media.picture(ctx.pathParam("file")).orElseThrow(NotFoundResponse::new);
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.contentType(picture.contentType());
    if (withBody) {
      ctx.result(picture.bytes());
    } else {
      ctx.header("Content-Length", Integer.toString(picture.bytes().length));
    }
  }
}
