package org.broadsheet.media;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves stored pictures; their names carry a content hash, so they are cached for a year. */
public final class MediaFeature {
  private final MediaService media;

  public MediaFeature(MediaService media) {
    this.media = media;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/media/{file}", this::serve);
  }

  private void serve(Context ctx) {
    Path file = media.file(ctx.pathParam("file")).orElseThrow(NotFoundResponse::new);
    String name = file.getFileName().toString();
    String type =
        switch (name.substring(name.lastIndexOf('.') + 1)) {
          case "jpg" -> "image/jpeg";
          case "png" -> "image/png";
          case "gif" -> "image/gif";
          case "webp" -> "image/webp";
          default -> "application/octet-stream";
        };
    try {
      ctx.header("Cache-Control", "public, max-age=31536000, immutable");
      ctx.contentType(type).result(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
