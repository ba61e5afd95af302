package org.broadsheet.architecture.alpha;

import io.javalin.http.Context;

/** A service that reads the request itself, which services must not. */
public final class AlphaService {
  public String reader(Context ctx) {
    return ctx.ip();
  }
}
