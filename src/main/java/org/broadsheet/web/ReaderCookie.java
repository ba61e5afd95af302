package org.broadsheet.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * A cookie a feature asks to set on a reader's browser: HttpOnly, SameSite=Lax, for the whole site,
 * and Secure when the reader came over HTTPS. A shared (cached) answer never carries it.
 */
public record ReaderCookie(String name, String value, int maxAgeSeconds) {
  public void setOn(Context ctx) {
    ctx.cookie(
        new Cookie(
            name,
            value,
            "/",
            maxAgeSeconds,
            WebServer.client(ctx).secure(),
            true,
            null,
            SameSite.LAX));
  }
}
